package io.weft.model.http;

import io.weft.model.InvalidValueException;
import java.net.URI;
import java.util.List;

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
        // Refuses, as configuration, a prefix that pins no scheme and host or is no URL at all.
        prefixes.forEach(AllowedPrefix::parse);
    }

    /**
     * The URL in its normal form ({@link UrlNormalizer}) if that lies under an allowed prefix, on a
     * path-segment boundary ({@link AllowedPrefix}); else {@link InvalidValueException} naming
     * {@code field}. The normal form is the one to store and to call: it is the one that was checked,
     * so {@code ..}, {@code %2e%2e} or a user-info {@code @} cannot pass a prefix while going elsewhere.
     */
    public URI check(String field, String url) {
        URI normal = UrlNormalizer.normalize(field, url);
        for (String prefix : prefixes) {
            if (AllowedPrefix.parse(prefix).allows(normal)) {
                return normal;
            }
        }
        throw new InvalidValueException(field, "'" + url + "' is not allowed: the nodes may call only URLs under "
                + (prefixes.isEmpty() ? "nothing (" + VARIABLE + " is empty)" : prefixes + " (" + VARIABLE + ")"));
    }
}
