package io.weft.model.cluster;

import io.weft.model.Checks;
import io.weft.model.type.TaskType;

/** A task type one member serves, with the slots (concurrent attempts) it gives it. */
public record ServedType(TaskType type, int slots) {

    public ServedType {
        Checks.notNull("type", type);
        Checks.range("slots", slots, 1, 100_000);
    }
}
