package io.weft.node.execution;

/**
 * One task type's lane on this node at one moment, for the metrics.
 *
 * @param waiting due tasks held here until a slot frees (QUEUED in the grid)
 * @param busy    slots in use: attempts claimed, running or recording their outcome
 */
public record LaneLoad(String type, int slots, int busy, int waiting) {

    static LaneLoad of(TypeLane lane) {
        return new LaneLoad(lane.type(), lane.slots(), lane.busy(), lane.waiting());
    }

    public int free() {
        return Math.max(0, slots - busy);
    }
}
