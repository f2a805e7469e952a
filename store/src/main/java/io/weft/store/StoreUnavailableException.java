package io.weft.store;

/** The store cannot be reached or set up; its message names the store's URL, never its password. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
