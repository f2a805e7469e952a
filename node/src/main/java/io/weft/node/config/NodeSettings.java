package io.weft.node.config;

import io.weft.model.http.UrlAllowList;
import io.weft.model.schedule.ScheduleLimits;
import io.weft.store.StoreSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operator can set without editing YAML. Immutable; {@link #fromEnvironment(Map)} reads the
 * {@code WEFT_*} variables and {@link #builder()} states every default.
 *
 * @param configPath    a hazelcast.yaml to load instead of the packaged default ({@code WEFT_CONFIG})
 * @param clusterName   {@code WEFT_CLUSTER_NAME}, default {@value #DEFAULT_CLUSTER_NAME}
 * @param port          {@code WEFT_PORT}, default {@value #DEFAULT_PORT}; the next ports are tried if taken
 * @param members       {@code WEFT_MEMBERS}, comma-separated {@code host:port} for TCP-IP join
 * @param cpMembers     {@code WEFT_CP_MEMBERS}: 0 for one dev node (CP runs unsafe), 3 or more in production
 * @param metricsPort   {@code WEFT_METRICS_PORT}; 0 turns the Prometheus endpoint off. Default {@value #DEFAULT_METRICS_PORT}
 * @param backupCount   synchronous backups of every Weft map ({@code WEFT_BACKUP_COUNT}), default 1
 * @param slots         slots per task type ({@code WEFT_SLOTS}, {@code type=n,type=n}); these win over the YAML's
 * @param defaultSlots  slots of a type not named in {@code slots} ({@code WEFT_DEFAULT_SLOTS})
 * @param gracePeriod   how long SIGTERM waits for running attempts before handing them back ({@code WEFT_GRACE_PERIOD})
 * @param sweepInterval how often a node looks for tasks that missed their event ({@code WEFT_SWEEP_INTERVAL})
 * @param maxResultBytes    the largest data object ({@code WEFT_MAX_RESULT_BYTES}, bytes or {@code 4GiB}); wins over
 *                          the YAML's {@code weft.results.max-bytes}; unset: that, else 4 GiB
 * @param sessionQuotaBytes what a session's results may hold together ({@code WEFT_SESSION_QUOTA_BYTES}); wins over
 *                          {@code weft.results.session-quota-bytes}; unset: that, else 64 GiB
 * @param resultTombstone   how long an expired result is still reported as expired ({@code WEFT_RESULT_TOMBSTONE});
 *                          wins over {@code weft.results.tombstone}; unset: that, else one hour
 * @param dataMember  whether this node holds a share of the grid's data ({@code WEFT_DATA_MEMBER}, default
 *                    true); false makes it a compute-only node (a Hazelcast lite member): it runs tasks and
 *                    streams results but stores none, so its heap need not grow with the data
 * @param taskTypes   the task types this node serves ({@code WEFT_TASK_TYPES}, comma-separated); empty: every
 *                    handler it finds
 * @param taskLogLines      the most log lines a task keeps, the latest ({@code WEFT_TASK_LOG_LINES}); default
 *                          {@value #DEFAULT_TASK_LOG_LINES}
 * @param httpAllow   the URL prefixes the {@code http} task type may call ({@code WEFT_HTTP_ALLOW},
 *                    comma-separated, e.g. {@code http://127.0.0.1:}); empty, the default: none, so a
 *                    node calls out only where an operator said it may; hook deliveries go by the same list
 * @param hooks       hook delivery settings from the environment ({@code WEFT_HOOK_*}); unset ones fall back to
 *                    the YAML, then to the defaults (see {@link HookDeliveryPlan})
 * @param store       where the node keeps its data durable ({@code WEFT_STORE*}, {@code WEFT_DATA_DIR}; see
 *                    {@link StoreSettings}); from the environment a lone node keeps it in a file, and
 *                    {@link #builder()} keeps it in memory only
 * @param scheduleLimits how often a schedule may fire at most ({@code WEFT_SCHEDULE_MIN_INTERVAL}); default
 *                    {@link ScheduleLimits#DEFAULTS}, one second
 * @param quorum      the fewest members a side of a split needs to take writes ({@code WEFT_QUORUM}); null:
 *                    a majority of {@code WEFT_CP_MEMBERS} when above 0, else of the entries of
 *                    {@code WEFT_MEMBERS}, 1 for a lone node (see {@link QuorumPlan})
 */
public record NodeSettings(String configPath, String clusterName, int port, List<String> members, int cpMembers,
                           int metricsPort, int backupCount, Map<String, Integer> slots, Integer defaultSlots,
                           Duration gracePeriod, Duration sweepInterval, Clock clock,
                           Long maxResultBytes, Long sessionQuotaBytes, Duration resultTombstone,
                           boolean dataMember, Set<String> taskTypes, int taskLogLines,
                           List<String> httpAllow, HookSettings hooks, StoreSettings store,
                           ScheduleLimits scheduleLimits, Integer quorum) {

    public static final String DEFAULT_CLUSTER_NAME = "weft";
    public static final int DEFAULT_PORT = 5701;
    public static final int DEFAULT_METRICS_PORT = 9091;
    public static final int DEFAULT_BACKUP_COUNT = 1;
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_TASK_LOG_LINES = 1_000;

    public NodeSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("WEFT_PORT must be 1-65535, got " + port);
        }
        if (cpMembers != 0 && cpMembers < 3) {
            throw new IllegalArgumentException("WEFT_CP_MEMBERS must be 0 (one dev node) or at least 3, got " + cpMembers);
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new IllegalArgumentException("WEFT_METRICS_PORT must be 0-65535, got " + metricsPort);
        }
        if (backupCount < 0 || backupCount > 6) {
            throw new IllegalArgumentException("WEFT_BACKUP_COUNT must be 0-6, got " + backupCount);
        }
        slots.forEach((type, n) -> {
            if (n < 1) {
                throw new IllegalArgumentException("slots of " + type + " must be at least 1, got " + n);
            }
        });
        if (defaultSlots != null && defaultSlots < 1) {
            throw new IllegalArgumentException("WEFT_DEFAULT_SLOTS must be at least 1, got " + defaultSlots);
        }
        if (maxResultBytes != null && maxResultBytes < 1) {
            throw new IllegalArgumentException("WEFT_MAX_RESULT_BYTES must be at least 1, got " + maxResultBytes);
        }
        if (sessionQuotaBytes != null && sessionQuotaBytes < 1) {
            throw new IllegalArgumentException("WEFT_SESSION_QUOTA_BYTES must be at least 1, got " + sessionQuotaBytes);
        }
        if (resultTombstone != null && resultTombstone.isNegative()) {
            throw new IllegalArgumentException("WEFT_RESULT_TOMBSTONE must not be negative, got " + resultTombstone);
        }
        if (taskLogLines < 1 || taskLogLines > 1_000_000) {
            throw new IllegalArgumentException("WEFT_TASK_LOG_LINES must be 1-1000000, got " + taskLogLines);
        }
        members = List.copyOf(members);
        slots = Map.copyOf(slots);
        taskTypes = Set.copyOf(taskTypes);
        httpAllow = List.copyOf(httpAllow);
        // Refuses a prefix that pins no scheme and host, naming WEFT_HTTP_ALLOW.
        new UrlAllowList(httpAllow);
        hooks = hooks == null ? HookSettings.UNSET : hooks;
        store = store == null ? StoreSettings.MEMORY : store;
        scheduleLimits = scheduleLimits == null ? ScheduleLimits.DEFAULTS : scheduleLimits;
        if (quorum != null && quorum < 1) {
            throw new IllegalArgumentException("WEFT_QUORUM must be at least 1, got " + quorum);
        }
    }

    /** {@link #httpAllow} as the check the {@code http} task type and hook deliveries share. */
    public UrlAllowList httpAllowList() {
        return new UrlAllowList(httpAllow);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the {@code WEFT_*} variables; an unset one keeps its default. */
    public static NodeSettings fromEnvironment(Map<String, String> env) {
        Builder b = builder();
        b.configPath = env.get("WEFT_CONFIG");
        b.clusterName = env.getOrDefault("WEFT_CLUSTER_NAME", DEFAULT_CLUSTER_NAME);
        b.port = intVar(env, "WEFT_PORT", DEFAULT_PORT);
        b.members = listVar(env.get("WEFT_MEMBERS"));
        b.cpMembers = intVar(env, "WEFT_CP_MEMBERS", 0);
        b.metricsPort = intVar(env, "WEFT_METRICS_PORT", DEFAULT_METRICS_PORT);
        b.backupCount = intVar(env, "WEFT_BACKUP_COUNT", DEFAULT_BACKUP_COUNT);
        b.slots = parseSlots(env.getOrDefault("WEFT_SLOTS", ""));
        b.defaultSlots = env.containsKey("WEFT_DEFAULT_SLOTS") ? intVar(env, "WEFT_DEFAULT_SLOTS", 0) : null;
        b.gracePeriod = env.containsKey("WEFT_GRACE_PERIOD") ? Duration.parse(env.get("WEFT_GRACE_PERIOD")) : DEFAULT_GRACE_PERIOD;
        b.sweepInterval = env.containsKey("WEFT_SWEEP_INTERVAL") ? Duration.parse(env.get("WEFT_SWEEP_INTERVAL")) : DEFAULT_SWEEP_INTERVAL;
        b.maxResultBytes = bytesVar(env, "WEFT_MAX_RESULT_BYTES");
        b.sessionQuotaBytes = bytesVar(env, "WEFT_SESSION_QUOTA_BYTES");
        b.resultTombstone = durationVar(env, "WEFT_RESULT_TOMBSTONE");
        b.dataMember = !"false".equalsIgnoreCase(env.getOrDefault("WEFT_DATA_MEMBER", "true").trim());
        b.taskTypes = Set.copyOf(listVar(env.get("WEFT_TASK_TYPES")));
        b.taskLogLines = intVar(env, "WEFT_TASK_LOG_LINES", DEFAULT_TASK_LOG_LINES);
        b.httpAllow = listVar(env.get("WEFT_HTTP_ALLOW"));
        b.hooks = HookSettings.fromEnvironment(env);
        b.store = StoreSettings.fromEnvironment(env, b.members.size() <= 1);
        Duration minInterval = durationVar(env, ScheduleLimits.VARIABLE);
        b.scheduleLimits = minInterval == null ? ScheduleLimits.DEFAULTS : new ScheduleLimits(minInterval);
        b.quorum = env.containsKey("WEFT_QUORUM") ? intVar(env, "WEFT_QUORUM", 0) : null;
        return b.build();
    }

    /** Parses {@code type=n,type=n}. */
    public static Map<String, Integer> parseSlots(String text) {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("slots must read type=n[,type=n], got '" + part.trim() + "'");
            }
            try {
                parsed.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("slots of " + kv[0].trim() + " must be a number, got '" + kv[1].trim() + "'");
            }
        }
        return parsed;
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }

    private static Long bytesVar(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : ByteSize.parse(name, value);
    }

    private static Duration durationVar(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT1H, got '" + value + "'");
        }
    }

    private static List<String> listVar(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Builds settings; every field starts at its default. */
    public static final class Builder {
        private String configPath;
        private String clusterName = DEFAULT_CLUSTER_NAME;
        private int port = DEFAULT_PORT;
        private List<String> members = List.of();
        private int cpMembers;
        private int metricsPort = DEFAULT_METRICS_PORT;
        private int backupCount = DEFAULT_BACKUP_COUNT;
        private Map<String, Integer> slots = Map.of();
        private Integer defaultSlots;
        private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
        private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
        private Clock clock = Clock.systemUTC();
        private Long maxResultBytes;
        private Long sessionQuotaBytes;
        private Duration resultTombstone;
        private boolean dataMember = true;
        private Set<String> taskTypes = Set.of();

        /** False: a compute-only node that stores no data (a lite member). */
        public Builder dataMember(boolean value) {
            this.dataMember = value;
            return this;
        }

        /** Serve only these task types (empty: all the node finds). */
        public Builder taskTypes(Set<String> value) {
            this.taskTypes = value;
            return this;
        }
        private int taskLogLines = DEFAULT_TASK_LOG_LINES;
        private List<String> httpAllow = List.of();
        private HookSettings hooks = HookSettings.UNSET;
        private StoreSettings store = StoreSettings.MEMORY;

        /** Where the node keeps its data durable; the default keeps it in memory only. */
        public Builder store(StoreSettings value) {
            this.store = value;
            return this;
        }

        private ScheduleLimits scheduleLimits = ScheduleLimits.DEFAULTS;

        /** How often a schedule may fire at most. */
        public Builder scheduleLimits(ScheduleLimits value) {
            this.scheduleLimits = value;
            return this;
        }

        private Integer quorum;

        /** The fewest members a side needs to take writes; null (the default) derives it (see {@link QuorumPlan}). */
        public Builder quorum(Integer value) {
            this.quorum = value;
            return this;
        }

        /** Hook delivery settings over the YAML's (tests make retries fast with these). */
        public Builder hooks(HookSettings value) {
            this.hooks = value;
            return this;
        }

        /** URL prefixes the {@code http} task type may call; empty (the default) allows none. */
        public Builder httpAllow(List<String> value) {
            this.httpAllow = value;
            return this;
        }

        public Builder configPath(String value) {
            this.configPath = value;
            return this;
        }

        public Builder clusterName(String value) {
            this.clusterName = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder members(List<String> value) {
            this.members = value;
            return this;
        }

        public Builder cpMembers(int value) {
            this.cpMembers = value;
            return this;
        }

        public Builder metricsPort(int value) {
            this.metricsPort = value;
            return this;
        }

        public Builder backupCount(int value) {
            this.backupCount = value;
            return this;
        }

        public Builder slots(Map<String, Integer> value) {
            this.slots = value;
            return this;
        }

        public Builder defaultSlots(Integer value) {
            this.defaultSlots = value;
            return this;
        }

        public Builder gracePeriod(Duration value) {
            this.gracePeriod = value;
            return this;
        }

        public Builder sweepInterval(Duration value) {
            this.sweepInterval = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder maxResultBytes(Long value) {
            this.maxResultBytes = value;
            return this;
        }

        public Builder sessionQuotaBytes(Long value) {
            this.sessionQuotaBytes = value;
            return this;
        }

        public Builder resultTombstone(Duration value) {
            this.resultTombstone = value;
            return this;
        }

        public Builder taskLogLines(int value) {
            this.taskLogLines = value;
            return this;
        }

        public NodeSettings build() {
            return new NodeSettings(configPath, clusterName, port, members, cpMembers, metricsPort, backupCount, slots,
                    defaultSlots, gracePeriod, sweepInterval, clock, maxResultBytes, sessionQuotaBytes,
                    resultTombstone, dataMember, taskTypes, taskLogLines, httpAllow, hooks, store, scheduleLimits,
                    quorum);
        }
    }
}
