package io.weft.node.config;

import com.hazelcast.config.Config;
import io.weft.model.hook.DeliveryPolicy;
import io.weft.model.task.Backoff;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The {@link DeliveryPolicy} this node delivers hooks by. The environment ({@code WEFT_HOOK_*}) wins
 * over the YAML's {@code weft.hooks.*} properties, which win over the policy's defaults.
 */
public final class HookDeliveryPlan {

    static final String BACKOFF = "weft.hooks.backoff";
    static final String BACKOFF_CAP = "weft.hooks.backoff-cap";
    static final String MAX_ATTEMPTS = "weft.hooks.max-attempts";
    static final String TIMEOUT = "weft.hooks.timeout";

    private HookDeliveryPlan() {
    }

    public static DeliveryPolicy resolve(NodeSettings settings, Config config) {
        HookSettings env = settings.hooks();
        Duration backoff = env.backoff() != null ? env.backoff() : duration(config, BACKOFF, DeliveryPolicy.DEFAULT_BACKOFF);
        Duration cap = env.backoffCap() != null ? env.backoffCap()
                : duration(config, BACKOFF_CAP, DeliveryPolicy.DEFAULT_BACKOFF_CAP);
        int maxAttempts = env.maxAttempts() != null ? env.maxAttempts() : attempts(config);
        Duration timeout = env.timeout() != null ? env.timeout() : duration(config, TIMEOUT, DeliveryPolicy.DEFAULT_TIMEOUT);
        try {
            return new DeliveryPolicy(new Backoff(backoff, cap.compareTo(backoff) < 0 ? backoff : cap, Backoff.DEFAULT_JITTER),
                    maxAttempts, timeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hook delivery settings: " + e.getMessage(), e);
        }
    }

    static Duration parseDuration(String name, String value) {
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT5S, got '" + value + "'");
        }
    }

    private static Duration duration(Config config, String property, Duration fallback) {
        String value = config.getProperty(property);
        return value == null ? fallback : parseDuration(property, value);
    }

    private static int attempts(Config config) {
        String value = config.getProperty(MAX_ATTEMPTS);
        if (value == null) {
            return DeliveryPolicy.DEFAULT_MAX_ATTEMPTS;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_ATTEMPTS + " must be a number, got '" + value + "'");
        }
    }
}
