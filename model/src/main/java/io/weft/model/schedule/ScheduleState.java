package io.weft.model.schedule;

/** A schedule fires while ACTIVE; PAUSED by a user or by itself after repeated failures. */
public enum ScheduleState {
    ACTIVE,
    PAUSED
}
