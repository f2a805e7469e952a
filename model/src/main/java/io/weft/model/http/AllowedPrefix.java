package io.weft.model.http;

import java.net.URI;
import java.util.Locale;

/**
 * One entry of a {@link UrlAllowList}, read as parts rather than text, so that a URL is allowed only
 * on the boundaries a reader of the prefix sees: {@code http://h/api} allows {@code http://h/api} and
 * {@code http://h/api/x} but not {@code http://h/api-evil}; {@code http://h} does not allow
 * {@code http://h.example.org}. A prefix whose authority ends with {@code :} ({@code http://127.0.0.1:})
 * allows every port of that host; one without a port allows only the scheme's default.
 *
 * @param scheme the scheme, lower case
 * @param host   the host, lower case
 * @param port   the one port allowed, or {@link #ANY_PORT}
 * @param path   the path the URL's must equal or lie under, in normal form; empty allows every path
 */
record AllowedPrefix(String scheme, String host, int port, String path) {

    static final int ANY_PORT = -2;

    /** Parses an entry of {@code WEFT_HTTP_ALLOW}; an {@link IllegalArgumentException} says what is wrong with it. */
    static AllowedPrefix parse(String prefix) {
        if (!prefix.matches("(?i)https?://[^/?#@]+.*")) {
            throw new IllegalArgumentException(UrlAllowList.VARIABLE + " entries must be http:// or https:// URL prefixes "
                    + "with a host, got '" + prefix + "'");
        }
        if (prefix.contains("?") || prefix.contains("#")) {
            throw new IllegalArgumentException(UrlAllowList.VARIABLE + " entries are a scheme, a host, a port and a path; "
                    + "no query or fragment, got '" + prefix + "'");
        }
        boolean anyPort = prefix.matches("(?i)https?://[^/]+:(/.*)?");
        URI uri;
        try {
            uri = UrlNormalizer.normalize(UrlAllowList.VARIABLE, anyPort ? prefix.replaceFirst("(?i)^(https?://[^/]+):(/.*)?$", "$1$2") : prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(UrlAllowList.VARIABLE + " entry '" + prefix + "' is not a URL prefix: " + e.getMessage());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = anyPort ? ANY_PORT : uri.getPort() == -1 ? UrlNormalizer.defaultPort(scheme) : uri.getPort();
        // "http://h" and "http://h/" both allow every path of h.
        String path = uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        return new AllowedPrefix(scheme, uri.getHost(), port, path);
    }

    /** Whether {@code url}, already in normal form, lies under this prefix. */
    boolean allows(URI url) {
        int urlPort = url.getPort() == -1 ? UrlNormalizer.defaultPort(url.getScheme()) : url.getPort();
        if (!scheme.equals(url.getScheme()) || !host.equals(url.getHost()) || port != ANY_PORT && port != urlPort) {
            return false;
        }
        String urlPath = url.getRawPath();
        return path.isEmpty() || urlPath.equals(path)
                || (path.endsWith("/") ? urlPath.startsWith(path) : urlPath.startsWith(path + "/"));
    }
}
