package io.weft.node.config;

import java.time.Duration;
import java.util.Map;

/**
 * Hook delivery settings an operator gave in the environment; each one unset ({@code null}) falls back
 * to the YAML's {@code weft.hooks.*} property, then to {@link io.weft.model.hook.DeliveryPolicy}'s
 * default (see {@link HookDeliveryPlan}).
 *
 * @param backoff     wait before the first retry, doubling after each ({@code WEFT_HOOK_BACKOFF}, e.g. {@code PT5S})
 * @param backoffCap  the longest wait between attempts ({@code WEFT_HOOK_BACKOFF_CAP})
 * @param maxAttempts attempts before a delivery is FAILED ({@code WEFT_HOOK_MAX_ATTEMPTS})
 * @param timeout     how long one POST waits for its answer ({@code WEFT_HOOK_TIMEOUT})
 */
public record HookSettings(Duration backoff, Duration backoffCap, Integer maxAttempts, Duration timeout) {

    public static final HookSettings UNSET = new HookSettings(null, null, null, null);

    public HookSettings {
        if (backoff != null && backoff.isNegative()) {
            throw new IllegalArgumentException("WEFT_HOOK_BACKOFF must not be negative, got " + backoff);
        }
        if (backoffCap != null && backoffCap.isNegative()) {
            throw new IllegalArgumentException("WEFT_HOOK_BACKOFF_CAP must not be negative, got " + backoffCap);
        }
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 100)) {
            throw new IllegalArgumentException("WEFT_HOOK_MAX_ATTEMPTS must be 1-100, got " + maxAttempts);
        }
        if (timeout != null && (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("WEFT_HOOK_TIMEOUT must be between 1 ms and 5 minutes, got " + timeout);
        }
    }

    static HookSettings fromEnvironment(Map<String, String> env) {
        return new HookSettings(duration(env, "WEFT_HOOK_BACKOFF"), duration(env, "WEFT_HOOK_BACKOFF_CAP"),
                integer(env, "WEFT_HOOK_MAX_ATTEMPTS"), duration(env, "WEFT_HOOK_TIMEOUT"));
    }

    private static Duration duration(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : HookDeliveryPlan.parseDuration(name, value);
    }

    private static Integer integer(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
