package io.weft.model.result;

/** A data object's life: written while CREATED, then COMPLETED with its bytes, or ABORTED. */
public enum ResultStatus {
    CREATED,
    COMPLETED,
    ABORTED
}
