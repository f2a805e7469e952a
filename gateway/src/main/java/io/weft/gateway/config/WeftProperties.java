package io.weft.gateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The gateway's settings, read from the {@code WEFT_*} environment variables (Micronaut maps
 * {@code WEFT_CLUSTER_NAME} to {@code weft.cluster-name}) or from any other property source.
 *
 * @param clusterName    the Hazelcast cluster to join or connect to; unset keeps the node's default
 * @param members        comma-separated {@code host:port}: when set the gateway is a client of that
 *                       cluster, when unset it starts an embedded node
 * @param metricsPort    the embedded node's Prometheus port ({@code 0} turns it off); unset keeps its default
 * @param slots          the embedded node's slots per type ({@code type=n,type=n})
 * @param adminKey       the admin API key; unset generates one and prints it once at start
 * @param maxQueuedTasks past this many QUEUED tasks in the cluster, submissions get 429.
 *                       Default {@value #DEFAULT_MAX_QUEUED_TASKS}
 * @param maxRunTimeout  the longest {@code timeout} a {@code POST /v1/run} may wait. Default 5 minutes
 * @param httpAllow      the embedded node's {@code WEFT_HTTP_ALLOW} (URL prefixes of the {@code http} type and of hooks)
 * @param hookBackoff    the embedded node's {@code WEFT_HOOK_BACKOFF}
 * @param hookMaxAttempts the embedded node's {@code WEFT_HOOK_MAX_ATTEMPTS}
 * @param port        the embedded node's member port ({@code WEFT_PORT}); unset keeps its default
 * @param scheduleMinInterval the embedded node's {@code WEFT_SCHEDULE_MIN_INTERVAL}
 * @param httpIdle    how long a request body may send nothing before its connection is closed
 *                    ({@code WEFT_HTTP_IDLE}). Default 30 seconds
 * @param gridTimeout how long a call into the grid may take before it is answered 503
 *                    ({@code WEFT_GRID_TIMEOUT}). Default 5 seconds
 */
@ConfigurationProperties(WeftProperties.PREFIX)
public record WeftProperties(@Nullable String clusterName,
                             @Nullable String members,
                             @Nullable Integer metricsPort,
                             @Nullable String slots,
                             @Nullable String adminKey,
                             @Bindable(defaultValue = "100000") long maxQueuedTasks,
                             @Bindable(defaultValue = "PT5M") Duration maxRunTimeout,
                             @Nullable String httpAllow,
                             @Nullable String hookBackoff,
                             @Nullable Integer hookMaxAttempts,
                             @Nullable Integer port,
                             @Nullable Duration scheduleMinInterval,
                             @Bindable(defaultValue = "PT30S") Duration httpIdle,
                             @Bindable(defaultValue = "PT5S") Duration gridTimeout) {

    public static final String PREFIX = "weft";
    public static final long DEFAULT_MAX_QUEUED_TASKS = 100_000;

    public boolean embedded() {
        return members == null || members.isBlank();
    }
}
