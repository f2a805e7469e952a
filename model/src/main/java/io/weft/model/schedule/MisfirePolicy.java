package io.weft.model.schedule;

import io.weft.model.InvalidValueException;

/**
 * What a schedule does with ticks it missed (the cluster was down, or no member could fire): a tick
 * is missed when it is found more than {@link Schedule#MISFIRE_THRESHOLD} after its time.
 */
public enum MisfirePolicy {
    /** Fire one task for all the missed ticks (under the first one's id), then carry on from now. */
    FIRE_ONCE("fire-once"),
    /** Fire nothing for the missed ticks; carry on from now. */
    SKIP("skip");

    private final String wire;

    MisfirePolicy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static MisfirePolicy parse(String field, String text) {
        for (MisfirePolicy policy : values()) {
            if (policy.wire.equals(text) || policy.name().equals(text)) {
                return policy;
            }
        }
        throw new InvalidValueException(field, "must be fire-once or skip, got '" + text + "'");
    }
}
