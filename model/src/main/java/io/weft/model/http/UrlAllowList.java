package io.weft.model.http;

import io.weft.model.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The URL prefixes a node may call ({@code WEFT_HTTP_ALLOW}): the {@code http} task type and hook
 * deliveries both go only where an operator said they may. The nodes publish it into the grid so a
 * client or a gateway (which has no node configuration) refuses a hook's URL when it is registered.
 *
 * @param prefixes the allowed prefixes, each pinning at least a scheme and a host; empty allows none
 */
public record UrlAllowList(List<String> prefixes) {

    public static final UrlAllowList NONE = new UrlAllowList(List.of());
    /** The variable that sets it, named in every refusal so an operator knows where to look. */
    public static final String VARIABLE = "WEFT_HTTP_ALLOW";

    public UrlAllowList {
        prefixes = List.copyOf(prefixes);
        for (String prefix : prefixes) {
            // A prefix must pin at least a scheme and a host, or it would allow far more than it reads as.
            if (!prefix.matches("(?i)https?://[^/?#@]+.*")) {
                throw new IllegalArgumentException(VARIABLE + " entries must be http:// or https:// URL prefixes "
                        + "with a host, got '" + prefix + "'");
            }
        }
    }

    /**
     * The URL as a URI if it starts with an allowed prefix; else {@link InvalidValueException} naming
     * {@code field}. It is compared in its normalized form, and one with user info is refused outright,
     * so {@code http://127.0.0.1:80@elsewhere/} or a {@code ..} path cannot pass a prefix while going
     * somewhere else.
     */
    public URI check(String field, String url) {
        if (url == null || url.isEmpty()) {
            throw new InvalidValueException(field, "is required");
        }
        URI uri;
        try {
            uri = new URI(url).normalize();
        } catch (URISyntaxException e) {
            throw new InvalidValueException(field, "is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new InvalidValueException(field, "must be an http or https URL with a host and no user info, got '"
                    + url + "'");
        }
        String normalized = uri.toString();
        for (String prefix : prefixes) {
            if (normalized.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return uri;
            }
        }
        throw new InvalidValueException(field, "'" + url + "' is not allowed: the nodes may call only URLs starting with "
                + (prefixes.isEmpty() ? "nothing (" + VARIABLE + " is empty)" : prefixes + " (" + VARIABLE + ")"));
    }
}
