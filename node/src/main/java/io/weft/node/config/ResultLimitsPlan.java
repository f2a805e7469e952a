package io.weft.node.config;

import com.hazelcast.config.Config;
import io.weft.model.result.ResultLimits;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The {@link ResultLimits} this node publishes. The environment ({@code WEFT_MAX_RESULT_BYTES},
 * {@code WEFT_SESSION_QUOTA_BYTES}, {@code WEFT_RESULT_TOMBSTONE}) wins over the YAML's
 * {@code weft.results.*} properties, which win over the defaults of {@link ResultLimits}.
 */
public final class ResultLimitsPlan {

    static final String MAX_BYTES = "weft.results.max-bytes";
    static final String SESSION_QUOTA_BYTES = "weft.results.session-quota-bytes";
    static final String TOMBSTONE = "weft.results.tombstone";

    private ResultLimitsPlan() {
    }

    public static ResultLimits resolve(NodeSettings settings, Config config) {
        long maxBytes = settings.maxResultBytes() != null ? settings.maxResultBytes()
                : bytes(config, MAX_BYTES, ResultLimits.DEFAULT_MAX_RESULT_BYTES);
        long quotaBytes = settings.sessionQuotaBytes() != null ? settings.sessionQuotaBytes()
                : bytes(config, SESSION_QUOTA_BYTES, ResultLimits.DEFAULT_SESSION_QUOTA_BYTES);
        Duration tombstone = settings.resultTombstone() != null ? settings.resultTombstone() : duration(config);
        try {
            return new ResultLimits(maxBytes, quotaBytes, tombstone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("result limits: " + e.getMessage(), e);
        }
    }

    private static long bytes(Config config, String property, long fallback) {
        String value = config.getProperty(property);
        return value == null ? fallback : ByteSize.parse(property, value);
    }

    private static Duration duration(Config config) {
        String value = config.getProperty(TOMBSTONE);
        if (value == null) {
            return ResultLimits.DEFAULT_TOMBSTONE;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(TOMBSTONE + " must be an ISO-8601 duration such as PT1H, got '" + value + "'");
        }
    }
}
