package io.weft.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail. {@code field} names the refused field of the request (for example
 * {@code tasks[0].input.ms}) when one is to blame.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable String field) {

    public static final String ABOUT_BLANK = "about:blank";
}
