package io.weft.gateway.auth;

import io.weft.model.InvalidValueException;
import java.util.Locale;

/** What a key may do: {@code read} GETs, {@code submit} everything else, {@code admin} anything (and keys). */
public enum Scope {
    ADMIN,
    SUBMIT,
    READ;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String field, String text) {
        for (Scope scope : values()) {
            if (scope.wire().equals(text)) {
                return scope;
            }
        }
        throw new InvalidValueException(field, "must be one of admin, submit, read; got '" + text + "'");
    }
}
