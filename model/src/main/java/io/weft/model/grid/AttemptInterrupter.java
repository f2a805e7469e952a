package io.weft.model.grid;

/** Interrupts a running attempt on this member; the node implements it. */
public interface AttemptInterrupter {

    /** Returns whether an attempt {@code attempt} of {@code taskId} ran here and was interrupted. */
    boolean interrupt(String taskId, int attempt);
}
