package io.weft.model.http;

import io.weft.model.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Puts an http(s) URL in the normal form of RFC 3986 §6.2.2-6.2.3, the form a receiving server acts
 * on: scheme and host lower case, the scheme's default port dropped, percent-encoded unreserved
 * characters decoded ({@code %2e} is {@code .}, {@code %7E} is {@code ~}) and the other escapes upper
 * case, dot segments removed ({@code /a/../b} is {@code /b}, and {@code /../b} too, which
 * {@link URI#normalize()} leaves alone), an empty path made {@code /}, the fragment (never sent) dropped.
 *
 * <p>A path that encodes a separator ({@code %2F}, {@code %5C}) is refused: RFC 3986 says {@code ..%2F}
 * is one segment and not a dot segment, but many servers decode it to {@code ../} and climb out of the
 * prefix that let it through.
 */
public final class UrlNormalizer {

    private static final String HEX = "0123456789ABCDEF";

    private UrlNormalizer() {
    }

    /** {@code url} in normal form, or {@link InvalidValueException} naming {@code field}. */
    public static URI normalize(String field, String url) {
        if (url == null || url.isEmpty()) {
            throw new InvalidValueException(field, "is required");
        }
        URI uri;
        try {
            // toASCIIString percent-encodes any non-ASCII character, so the escapes below see every byte.
            uri = new URI(new URI(url).toASCIIString());
        } catch (URISyntaxException e) {
            throw new InvalidValueException(field, "is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new InvalidValueException(field, "must be an http or https URL with a host and no user info, got '" + url + "'");
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (rawPath.matches("(?i).*%(2F|5C).*")) {
            throw new InvalidValueException(field, "must not encode / or \\ in its path (%2F, %5C), got '" + url + "'");
        }
        StringBuilder normal = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != defaultPort(scheme)) {
            normal.append(':').append(port);
        }
        String path = removeDotSegments(decodeUnreserved(rawPath));
        normal.append(path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            normal.append('?').append(decodeUnreserved(uri.getRawQuery()));
        }
        return URI.create(normal.toString());
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** Decodes {@code %XX} where XX is an unreserved character; upper-cases the hex digits of the rest. */
    static String decodeUnreserved(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                if (isUnreserved((char) value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 0xF));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 3986 §5.2.4, on an absolute path: {@code ..} above the root stays at the root. */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return path;
        }
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("..")) {
                kept.pollLast();
                if (last) {
                    kept.addLast("");
                }
            } else if (segment.equals(".")) {
                if (last) {
                    kept.addLast("");
                }
            } else {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
