package io.weft.node.config;

import com.hazelcast.config.Config;

/**
 * How many slots (concurrent attempts) this node gives each task type. The environment
 * ({@code WEFT_SLOTS}, {@code WEFT_DEFAULT_SLOTS}) wins over the YAML's {@code weft.slots.*} properties.
 */
public final class SlotPlan {

    public static final int FALLBACK_SLOTS = 16;
    private static final String PROPERTY_PREFIX = "weft.slots.";

    private final NodeSettings settings;
    private final Config config;

    public SlotPlan(NodeSettings settings, Config config) {
        this.settings = settings;
        this.config = config;
    }

    public int slotsFor(String type) {
        Integer fromEnv = settings.slots().get(type);
        if (fromEnv != null) {
            return fromEnv;
        }
        String fromYaml = config.getProperty(PROPERTY_PREFIX + type);
        if (fromYaml != null) {
            return parse(PROPERTY_PREFIX + type, fromYaml);
        }
        if (settings.defaultSlots() != null) {
            return settings.defaultSlots();
        }
        String yamlDefault = config.getProperty(PROPERTY_PREFIX + "default");
        return yamlDefault == null ? FALLBACK_SLOTS : parse(PROPERTY_PREFIX + "default", yamlDefault);
    }

    private static int parse(String property, String value) {
        try {
            int slots = Integer.parseInt(value.trim());
            if (slots < 1) {
                throw new IllegalArgumentException(property + " must be at least 1, got " + slots);
            }
            return slots;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a number, got '" + value + "'");
        }
    }
}
