package io.weft.node.hooks;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.HookGate;
import io.weft.model.hook.DeliveryPolicy;
import io.weft.model.http.UrlAllowList;
import io.weft.node.metrics.NodeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's part in hooks: it sees the tasks and sessions of its partitions end, makes their
 * deliveries, sends them (signed, retried with backoff) and sweeps its partitions for pending ones.
 * Its threads are its own: HTTP never runs on a partition or event thread.
 *
 * <p>The listeners on tasks and sessions are registered only while some hook exists: a cluster without
 * hooks pays nothing on its tasks' path for them.
 */
public final class HookDeliveryEngine implements HookGate, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HookDeliveryEngine.class);
    private static final int THREADS = 2;
    /** After a member leaves, task ends this recent or older are audited for missing deliveries... */
    private static final Duration DEPARTURE_QUIET = Duration.ofSeconds(2);
    /** ...back to this long ago. */
    private static final Duration DEPARTURE_LOOK_BACK = Duration.ofMinutes(10);

    private final HazelcastInstance hazelcast;
    private final ScheduledExecutorService executor;
    private final HookDirectory directory;
    private HookTriggers triggers;
    private UUID taskListener;
    private UUID sessionListener;
    private boolean closed;

    private HookDeliveryEngine(HazelcastInstance hazelcast, ScheduledExecutorService executor) {
        this.hazelcast = hazelcast;
        this.executor = executor;
        // Registering a listener is a grid call: never made on the event thread that tells of a change.
        this.directory = new HookDirectory(hazelcast, () -> submit(this::listenWhileHooksExist));
    }

    /**
     * Starts delivering on this member.
     *
     * @param sweepInterval how often pending deliveries of this member's partitions are looked for
     */
    public static HookDeliveryEngine start(HazelcastInstance hazelcast, UrlAllowList allowList, DeliveryPolicy policy,
                                           Clock clock, Duration sweepInterval, ThreadFactory threads,
                                           NodeMetrics metrics) {
        HookDeliveryEngine engine = new HookDeliveryEngine(hazelcast, Executors.newScheduledThreadPool(THREADS, threads));
        DeliveryRunner runner = new DeliveryRunner(hazelcast, engine.directory,
                new DeliverySender(allowList, policy.timeout(), clock), policy, engine.executor, clock,
                metrics.hookAttempts);
        engine.triggers = new HookTriggers(hazelcast, engine.directory, runner, clock);
        engine.directory.start();
        long sweepMillis = sweepInterval.toMillis();
        engine.executor.scheduleWithFixedDelay(new PendingDeliverySweep(hazelcast, runner, clock), sweepMillis, sweepMillis,
                TimeUnit.MILLISECONDS);
        HookAudit audit = new HookAudit(hazelcast, engine.directory, engine.triggers, clock, DEPARTURE_QUIET, DEPARTURE_LOOK_BACK);
        hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberRemoved(MembershipEvent event) {
                // Once the dead member's partitions are served again, and its last task ends are quiet.
                audit.runAfterDeparture(engine.executor, DEPARTURE_QUIET.plusMillis(100));
            }
        });
        return engine;
    }

    /** The registration of a hook: it holds on this member, listeners included, when this returns. */
    @Override
    public void refresh(String hookId) {
        directory.reload(hookId);
        listenWhileHooksExist();
    }

    private synchronized void listenWhileHooksExist() {
        if (closed) {
            return;
        }
        try {
            if (!directory.isEmpty() && taskListener == null) {
                taskListener = EndedTaskListener.listen(hazelcast, triggers, executor);
                sessionListener = EndedSessionListener.listen(hazelcast, triggers, executor);
            } else if (directory.isEmpty() && taskListener != null) {
                stopListening();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not change the hook listeners; the next change of hooks tries again", e);
        }
    }

    private void stopListening() {
        if (taskListener != null) {
            IMap<?, ?> tasks = hazelcast.getMap(GridNames.TASKS);
            tasks.removeEntryListener(taskListener);
            taskListener = null;
        }
        if (sessionListener != null) {
            IMap<?, ?> sessions = hazelcast.getMap(GridNames.SESSIONS);
            sessions.removeEntryListener(sessionListener);
            sessionListener = null;
        }
    }

    private void submit(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            // Shutting down.
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        executor.shutdownNow();
        try {
            stopListening();
            directory.close();
        } catch (RuntimeException e) {
            // The member is going away: its listeners go with it.
        }
    }
}
