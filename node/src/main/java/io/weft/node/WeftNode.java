package io.weft.node;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.weft.model.result.ResultLimits;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.cluster.ServedType;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.TaskGraph;
import io.weft.model.grid.UserContextKeys;
import io.weft.node.cluster.ClusterState;
import io.weft.node.cluster.ClusterWatch;
import io.weft.node.cluster.LossRecorder;
import io.weft.node.cluster.LostResults;
import io.weft.node.cluster.PartitionLosses;
import io.weft.node.cluster.Quorum;
import io.weft.node.config.MemberConfigFactory;
import io.weft.node.config.NodeSettings;
import io.weft.node.config.ResultLimitsPlan;
import io.weft.node.config.HookDeliveryPlan;
import io.weft.model.hook.DeliveryPolicy;
import io.weft.node.hooks.HookDeliveryEngine;
import io.weft.node.config.SlotPlan;
import io.weft.node.changes.OwnedTaskChanges;
import io.weft.node.dependencies.SettledResultListener;
import io.weft.node.dependencies.WaitingTaskAudit;
import io.weft.node.execution.CompletionAudit;
import io.weft.node.endpoints.HealthReport;
import io.weft.node.endpoints.NodeEndpoints;
import io.weft.node.execution.CancelledTaskChanges;
import io.weft.node.execution.Dispatcher;
import io.weft.node.execution.HandlerCatalog;
import io.weft.node.handler.builtin.HttpHandler;
import io.weft.node.execution.NodeSerializers;
import io.weft.node.execution.RunningAttempts;
import io.weft.node.failover.OrphanReaper;
import io.weft.node.failover.StrandedTaskSweeper;
import io.weft.node.grid.SerializeValuesOnce;
import io.weft.node.handler.TaskHandler;
import io.weft.node.metrics.ClusterCollector;
import io.weft.node.metrics.MetricSources;
import io.weft.node.metrics.NodeMetrics;
import io.weft.node.registry.MemberRegistry;
import io.weft.node.registry.MemberStatus;
import io.weft.node.logs.TaskLogWriter;
import io.weft.node.registry.SettingsPublisher;
import io.weft.node.schedules.ScheduleFirer;
import io.weft.node.scheduling.DueSignals;
import io.weft.node.scheduling.DueTaskChanges;
import io.weft.node.scheduling.SchedulerJob;
import io.weft.node.sessions.CountRepair;
import io.weft.node.sessions.LocalQueuedTasks;
import io.weft.node.sessions.PausedSessions;
import io.weft.node.sessions.SessionCounts;
import io.weft.node.store.LostPartitionReload;
import io.weft.node.store.RestartRecovery;
import io.weft.node.store.StoredDataLoad;
import io.weft.store.DurableStore;
import io.weft.store.StoreMetrics;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Weft node: a Hazelcast member with Jet that holds part of the grid, takes part in the scheduler
 * job, runs the task types it has handlers for, and recovers the work of members that leave.
 */
public final class WeftNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeftNode.class);
    private static final long NODE_LOOKUP_TIMEOUT_SECONDS = 120;
    public static final String VERSION = "0.1.0";
    private static final int WAITING_AUDIT_SECONDS = 30;
    /** How long a finished task is left to its own member before the completion audit looks at it. */
    private static final Duration COMPLETION_QUIET = Duration.ofSeconds(2);
    /** The completion audit after a member leaves reads the tasks finished this long ago or less. */
    private static final Duration COMPLETION_LOOK_BACK_AFTER_DEPARTURE = Duration.ofMinutes(10);
    /** The periodic completion audit: a dead client's unfinished cancel is all it is for. */
    private static final Duration COMPLETION_AUDIT_INTERVAL = Duration.ofMinutes(5);
    /** How often expired rows are deleted from the store (the grid's expiry does not tell it). */
    private static final Duration EXPIRED_ROW_SWEEP = Duration.ofMinutes(1);

    private final NodeSettings settings;
    private final HazelcastInstance hazelcast;
    private final String memberId;
    private final NodeMetrics metrics;
    private final RunningAttempts running = new RunningAttempts();
    private final ExecutorService workers = Executors.newCachedThreadPool(named("weft-worker"));
    private final ScheduledExecutorService duties = dutiesPool();
    private final MemberRegistry registry;
    private final Dispatcher dispatcher;
    private final HandlerCatalog handlers;
    private final SlotPlan slots;
    private final TaskGraph graph;
    private final SessionCounts sessionCounts;
    private final PausedSessions pausedSessions;
    private final DueSignals dueSignals = new DueSignals();
    private final NodeEndpoints endpoints;
    private volatile boolean started;
    private final TaskLogWriter taskLogs;
    private ScheduleFirer scheduleFirer;
    private MemberStatus memberStatus;
    private HookDeliveryEngine hooks;
    private volatile boolean stopped;
    /** The database under the grid, or {@code null} with a memory store. */
    private final DurableStore store;
    private PartitionLosses partitionLosses;
    private ClusterWatch clusterWatch;

    private WeftNode(NodeSettings settings, HazelcastInstance hazelcast, HandlerCatalog handlers, SlotPlan slots,
                     NodeMetrics metrics, DurableStore store, NodeEndpoints endpoints) {
        this.settings = settings;
        this.hazelcast = hazelcast;
        this.handlers = handlers;
        this.slots = slots;
        this.memberId = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.metrics = metrics;
        this.store = store;
        this.endpoints = endpoints;
        this.registry = new MemberRegistry(hazelcast);
        this.sessionCounts = new SessionCounts(hazelcast);
        // A task its last input made QUEUED is dispatched by its owner, whose listener hears the
        // change (DueTaskChanges), not here: the resolving member may not own it.
        this.graph = new TaskGraph(hazelcast, settings.clock(), sessionCounts::record);
        this.taskLogs = new TaskLogWriter(hazelcast, settings.clock(), settings.taskLogLines());
        // The paused-sessions view and the dispatcher need each other: the view reaches the
        // dispatcher through this node, and is started only once the node is built.
        LocalQueuedTasks queued = new LocalQueuedTasks(hazelcast.getMap(GridNames.TASKS), task -> dispatcher().accept(task));
        this.pausedSessions = new PausedSessions(hazelcast, sessionId -> dispatcher().withdraw(sessionId), queued::dispatch);
        this.dispatcher = new Dispatcher(hazelcast, handlers, slots, registry, running, workers, duties, metrics,
                settings.clock(), graph, pausedSessions, sessionCounts);
    }

    /** Starts a node with the handlers found on the classpath. */
    public static WeftNode start(NodeSettings settings) {
        return start(settings, List.of());
    }

    /** Starts a node with the handlers on the classpath plus {@code extraHandlers}. */
    public static WeftNode start(NodeSettings settings, List<TaskHandler> extraHandlers) {
        // The http connector needs the node's allow-list, which the service loader cannot pass it.
        List<TaskHandler> extra = new ArrayList<>(extraHandlers);
        extra.add(new HttpHandler(settings.httpAllowList()));
        HandlerCatalog handlers = HandlerCatalog.discover(WeftNode.class.getClassLoader(), extra)
                .only(settings.taskTypes());
        LOG.info("{}", settings.store().describe());
        // Everything that can fail at start fails before the member joins: the store, then the port.
        DurableStore store = settings.store().durable() ? DurableStore.open(settings.store(), settings.clock()) : null;
        Config config = MemberConfigFactory.create(settings, NodeSerializers.all());
        if (store != null) {
            store.configure(config);
        }
        CompletableFuture<WeftNode> handle = new CompletableFuture<>();
        ConcurrentHashMap<String, Object> userContext = new ConcurrentHashMap<>();
        // The handle is in place before the member starts: a running scheduler job reaches this
        // node through it as soon as the member joins, and waits until the node is built.
        userContext.put(UserContextKeys.NODE, handle);
        config.setUserContext(userContext);
        SlotPlan slots = new SlotPlan(settings, config);
        ResultLimits limits = ResultLimitsPlan.resolve(settings, config);
        DeliveryPolicy hookPolicy = HookDeliveryPlan.resolve(settings, config);
        NodeMetrics metrics = new NodeMetrics(settings.metricsPort() > 0);
        AtomicReference<Supplier<HealthReport>> health = new AtomicReference<>(
                () -> new HealthReport(true, false, "", 0, "starting"));
        AtomicReference<HazelcastInstance> member = new AtomicReference<>();
        NodeEndpoints endpoints;
        try {
            // A node without a store exports the store's metrics too, at zero, so that every node
            // answers the same queries.
            (store != null ? store.metrics() : new StoreMetrics(settings.clock())).register(metrics.registry());
            endpoints = settings.metricsPort() <= 0 ? null : NodeEndpoints.serve(settings.metricsPort(), metrics.registry(),
                    () -> health.get().get(), () -> member.get() != null && member.get().getPartitionService().isLocalMemberSafe());
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            throw e;
        }
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);
        member.set(hazelcast);
        SerializeValuesOnce.bind(hazelcast);
        try {
            long storedRows = 0;
            if (store != null) {
                StoredDataLoad load = new StoredDataLoad(store);
                String self = hazelcast.getCluster().getLocalMember().getUuid().toString();
                health.set(() -> new HealthReport(true, false, self, hazelcast.getCluster().getMembers().size(),
                        load.progress()));
                storedRows = load.run(hazelcast);
            }
            WeftNode node = new WeftNode(settings, hazelcast, handlers, slots, metrics, store, endpoints);
            health.set(node::health);
            // The member copied the config's context when it started: add to the member's own map.
            hazelcast.getUserContext().put(UserContextKeys.INTERRUPTER, node.running);
            node.watchTheCluster();
            new SettingsPublisher(hazelcast, limits, settings.httpAllowList(), settings.scheduleLimits()).start();
            node.startSessions();
            node.startHooks(hookPolicy);
            handle.complete(node);
            node.startDuties(storedRows > 0);
            return node;
        } catch (RuntimeException e) {
            handle.completeExceptionally(e);
            // Hands its partitions back rather than dying with them.
            hazelcast.shutdown();
            if (endpoints != null) {
                endpoints.close();
            }
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /** The node of a member, for code the grid runs on it (Jet processors, executor tasks). */
    @SuppressWarnings("unchecked")
    public static WeftNode of(HazelcastInstance hazelcast) {
        Object handle = hazelcast.getUserContext().get(UserContextKeys.NODE);
        if (!(handle instanceof CompletableFuture<?> future)) {
            throw new IllegalStateException("member " + hazelcast.getName() + " is not a Weft node");
        }
        try {
            return ((CompletableFuture<WeftNode>) future).get(NODE_LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Weft node to start", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Weft node of member " + hazelcast.getName() + " did not start", e);
        }
    }

    /**
     * First of all: every lost partition is heard, logged and recorded (and handed to the handlers
     * registered later through {@link #partitionLosses()}), and readiness follows the quorum.
     */
    private void watchTheCluster() {
        Quorum quorum = Quorum.of(hazelcast);
        CountRepair repair = new CountRepair(hazelcast, duties);
        partitionLosses = new PartitionLosses(hazelcast, settings.backupCount(), duties, settings.clock());
        // With a durable store, LostPartitionReload brings lost partitions back: nothing is recorded as lost.
        LossRecorder recorder = new LossRecorder(hazelcast, quorum, settings.backupCount(), repair::recountAfterLoss,
                store != null);
        partitionLosses.register(recorder);
        if (store == null) {
            partitionLosses.register(new LostResults(hazelcast, duties, quorum));
        }
        partitionLosses.start();
        clusterWatch = new ClusterWatch(hazelcast, quorum, partitionLosses, recorder).start();
        metrics.registry().register(new ClusterCollector(clusterWatch::state));
    }

    /** Before the node takes tasks: the paused sessions are known, and status changes are counted. */
    private void startSessions() {
        sessionCounts.start();
        hazelcast.getUserContext().put(UserContextKeys.TASK_CHANGES, sessionCounts);
        pausedSessions.start();
        hazelcast.getUserContext().put(UserContextKeys.SESSION_GATE, pausedSessions);
        hazelcast.getUserContext().put(UserContextKeys.TASK_LOGS, taskLogs.start());
    }

    /** Before the node takes tasks: every task that ends from now on is seen by the hooks. */
    private void startHooks(DeliveryPolicy policy) {
        hooks = HookDeliveryEngine.start(hazelcast, settings.httpAllowList(), policy, settings.clock(),
                settings.sweepInterval(), named("weft-hook"), metrics);
        hazelcast.getUserContext().put(UserContextKeys.HOOK_GATE, hooks);
    }

    /** @param onStoredData whether the node loaded rows from its store, which a restart left to put right */
    private void startDuties(boolean onStoredData) {
        MetricSources.attach(hazelcast, dispatcher, metrics);
        OwnedTaskChanges.listen(hazelcast, List.of(new DueTaskChanges(dueSignals, dispatcher::acceptWritten),
                new CancelledTaskChanges(dispatcher, metrics)));
        hazelcast.getUserContext().put(UserContextKeys.INSERT_OBSERVER,
                MetricSources.submittedCounter(metrics).andThen(dispatcher::acceptNew).andThen(dueSignals::inserted));
        memberStatus = MemberStatus.start(registry, dispatcher, new MemberInfo(memberId,
                hazelcast.getCluster().getLocalMember().getAddress().toString(), VERSION,
                settings.clock().instant(), handlers.all().stream()
                .map(h -> new ServedType(h.type(), slots.slotsFor(h.type().name()))).toList()), duties);
        hazelcast.getUserContext().put(UserContextKeys.MEMBER_CONTROL, memberStatus);
        hazelcast.getCluster().addMembershipListener(new OrphanReaper(hazelcast, dispatcher, duties, metrics, settings.clock(),
                sessionCounts));
        CountRepair countRepair = new CountRepair(hazelcast, duties);
        if (onStoredData) {
            int counted = countRepair.countAllIfOldest();
            LOG.info("the task counts of {} sessions written from their stored tasks", counted);
        }
        hazelcast.getCluster().addMembershipListener(countRepair);
        startDependencies();
        SchedulerJob job = new SchedulerJob(hazelcast);
        job.awaitRunning(Duration.ofSeconds(60));
        long sweepMillis = settings.sweepInterval().toMillis();
        StrandedTaskSweeper sweeper = new StrandedTaskSweeper(hazelcast, dispatcher, metrics, settings.clock(),
                settings.sweepInterval(), pausedSessions, sessionCounts);
        duties.scheduleWithFixedDelay(sweeper, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        sweeper.sweepAfterEachDeparture(duties);
        duties.scheduleWithFixedDelay(() -> {
            try {
                job.check();
            } catch (RuntimeException e) {
                LOG.debug("scheduler job check failed", e);
            }
        }, 5, 5, TimeUnit.SECONDS);
        scheduleFirer = ScheduleFirer.start(hazelcast, graph, registry::servedTypes, settings.scheduleLimits(), settings.clock());
        if (store != null) {
            new LostPartitionReload(hazelcast, store, duties, graph::rewire).listen();
            if (onStoredData) {
                new RestartRecovery(hazelcast, sweeper, graph).run();
            }
            duties.scheduleWithFixedDelay(store.expiredRowSweep(), 0, EXPIRED_ROW_SWEEP.toSeconds(), TimeUnit.SECONDS);
            duties.scheduleWithFixedDelay(() -> store.countPendingWrites(hazelcast), 1, 2, TimeUnit.SECONDS);
        }
        started = true;
        LOG.info("Weft node ready: member={} address={} cluster={} members={} types={}", memberId,
                hazelcast.getCluster().getLocalMember().getAddress(), settings.clusterName(),
                hazelcast.getCluster().getMembers().size(), handlers.all().stream().map(h -> h.type().name()).toList());
    }

    /**
     * Waiting tasks are woken by their inputs' settlement events, and a completion's effects (follow-up,
     * aborted outputs) are applied by the member that wrote it; audits after a member leaves, and now and
     * then, catch what was lost with a member.
     */
    private void startDependencies() {
        SettledResultListener.listen(hazelcast, graph, workers);
        WaitingTaskAudit waiting = new WaitingTaskAudit(hazelcast, graph, settings.clock(),
                Duration.ofSeconds(WAITING_AUDIT_SECONDS));
        CompletionAudit recentCompletions = new CompletionAudit(hazelcast, graph, registry, settings.clock(),
                COMPLETION_QUIET, COMPLETION_AUDIT_INTERVAL.plus(COMPLETION_AUDIT_INTERVAL.dividedBy(5)));
        CompletionAudit afterDeparture = new CompletionAudit(hazelcast, graph, registry, settings.clock(),
                COMPLETION_QUIET, COMPLETION_LOOK_BACK_AFTER_DEPARTURE);
        duties.scheduleWithFixedDelay(waiting, WAITING_AUDIT_SECONDS, WAITING_AUDIT_SECONDS, TimeUnit.SECONDS);
        long every = COMPLETION_AUDIT_INTERVAL.toMillis();
        duties.scheduleWithFixedDelay(recentCompletions, every, every, TimeUnit.MILLISECONDS);
        hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberRemoved(MembershipEvent event) {
                // After the partitions the member owned have settled on their new owners; the
                // completions it wrote last must also have been quiet long enough to be audited.
                waiting.runAfterDeparture(duties, settings.sweepInterval());
                afterDeparture.runAfterDeparture(duties, COMPLETION_QUIET.plusMillis(100));
            }
        });
    }

    /** Live while the member runs; ready once started, until it begins to shut down. */
    public HealthReport health() {
        try {
            if (!hazelcast.getLifecycleService().isRunning()) {
                return new HealthReport(false, false, memberId, 0);
            }
            ClusterState cluster = clusterWatch == null ? null : clusterWatch.state();
            boolean servable = cluster == null || cluster.servable();
            String degraded = store == null ? null : store.metrics().degradedBecause();
            return new HealthReport(true, started && !stopped && servable, memberId, hazelcast.getCluster().getMembers().size(),
                    servable ? degraded : cluster.reason(), cluster);
        } catch (HazelcastInstanceNotActiveException e) {
            return new HealthReport(false, false, memberId, 0);
        }
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The tasks of this member's partitions that became due or delayed, for the scheduler job. */
    public DueSignals dueSignals() {
        return dueSignals;
    }

    public NodeMetrics metrics() {
        return metrics;
    }

    public Clock clock() {
        return settings.clock();
    }

    public String memberId() {
        return memberId;
    }

    public MemberRegistry registry() {
        return registry;
    }

    /** This node's directory entry: load, state, and drain or per-type switches. */
    public MemberStatus memberStatus() {
        return memberStatus;
    }

    public RunningAttempts runningAttempts() {
        return running;
    }

    /** This node's batch of task count changes, written to the grid every 100 ms. */
    public SessionCounts sessionCounts() {
        return sessionCounts;
    }

    /** This member's part in firing schedules (it fires them while it holds the firing lock). */
    public ScheduleFirer scheduleFirer() {
        return scheduleFirer;
    }

    /**
     * Where handlers of lost partitions are registered ({@link io.weft.node.cluster.PartitionLossHandler}):
     * the default records each loss; a durable store adds one that reloads the partition.
     */
    public PartitionLosses partitionLosses() {
        return partitionLosses;
    }

    /** The quorum, partitions and losses as this member sees them now. */
    public ClusterState clusterState() {
        return clusterWatch.state();
    }

    /** This member's view of the paused sessions. */
    public PausedSessions pausedSessions() {
        return pausedSessions;
    }

    /**
     * Leaves the cluster gracefully: takes no new tasks, lets running attempts finish within the grace
     * period, hands back those that do not, then leaves (the member's partitions migrate first).
     */
    public synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("Weft node {} shutting down: draining {} attempts in flight (grace {})", memberId, dispatcher.busy(),
                settings.gracePeriod());
        dispatcher.stopAccepting();
        if (scheduleFirer != null) {
            scheduleFirer.close();
        }
        registry.withdraw(memberId);
        waitForAttempts(settings.gracePeriod());
        if (dispatcher.busy() > 0) {
            LOG.info("handing {} unfinished attempts back to the cluster", dispatcher.busy());
            running.stopAll();
            waitForAttempts(Duration.ofSeconds(10));
        }
        // Every status change of this node is recorded by now: write them before leaving.
        sessionCounts.close();
        taskLogs.close();
        stopLocal();
        if (store != null) {
            store.flush(hazelcast);
        }
        hazelcast.shutdown();
        if (store != null) {
            store.close();
        }
        LOG.info("Weft node {} stopped", memberId);
    }

    /** Kills the member at once, as a crash would (tests of fail-over). */
    public synchronized void terminate() {
        stopped = true;
        dispatcher.stopAccepting();
        hazelcast.getLifecycleService().terminate();
        running.stopAll();
        stopLocal();
        if (store != null) {
            store.close();
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    private void waitForAttempts(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (dispatcher.busy() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopLocal() {
        if (scheduleFirer != null) {
            scheduleFirer.close();
        }
        taskLogs.close();
        if (hooks != null) {
            hooks.close();
        }
        pausedSessions.close();
        sessionCounts.close();
        duties.shutdownNow();
        workers.shutdown();
        if (endpoints != null) {
            endpoints.close();
        }
    }

    /**
     * The node's timers and periodic duties, among them the tick of the attempts' timers. A cancelled
     * timer leaves the queue at once rather than when it would have fired.
     */
    private static ScheduledExecutorService dutiesPool() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, named("weft-duty"));
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
