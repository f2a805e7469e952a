package io.weft.node.sessions;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.SessionGate;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's view of the paused sessions, and the gate their tasks pass before they start: the
 * dispatcher takes no task of a paused session, and a claim checks again just before it is made.
 *
 * <p>The view is kept from the sessions map (loaded at start, then by its events, which arrive
 * asynchronously), and {@link #refresh} applies a change at once when {@code Sessions.pause} or
 * {@code resume} broadcasts it, so the change holds on every member before that call returns.
 * Either way the state is read from the map under one lock, so a late event never applies an older
 * state over a newer one. A session cancelled while paused stays held back (its tasks are being
 * cancelled) until its purge removes it.
 */
public final class PausedSessions implements SessionGate, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PausedSessions.class);
    private static final Duration CLAIM_DRAIN_LIMIT = Duration.ofSeconds(30);
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final IMap<String, Session> sessions;
    private final Consumer<String> withdraw;
    private final Consumer<String> redispatch;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    /** Claims in flight per session: asked for, not yet answered. */
    private final ConcurrentHashMap<String, Integer> claiming = new ConcurrentHashMap<>();
    /**
     * Claims hold the read lock while they check and register; marking a session paused holds the
     * write lock. So once a session is marked, every claim that got past the check is registered, and
     * waiting for the session's registered claims to be answered is enough.
     */
    private final StampedLock marking = new StampedLock();
    private final Object applying = new Object();
    private final ExecutorService events = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-paused-sessions");
        thread.setDaemon(true);
        return thread;
    });
    private UUID listener;

    /**
     * @param withdraw   takes a session's waiting tasks out of this node's lanes (it was paused)
     * @param redispatch hands a session's QUEUED tasks that this member owns to the dispatcher (it left PAUSED)
     */
    public PausedSessions(HazelcastInstance hazelcast, Consumer<String> withdraw, Consumer<String> redispatch) {
        this.sessions = hazelcast.getMap(GridNames.SESSIONS);
        this.withdraw = withdraw;
        this.redispatch = redispatch;
    }

    public void start() {
        // Listen first, then load: a change made in between is seen at least once.
        listener = sessions.addEntryListener(new Tracker(), false);
        for (String id : sessions.keySet(Predicates.equal("state", SessionState.PAUSED.name()))) {
            mark(id);
        }
    }

    public boolean isPaused(String sessionId) {
        return paused.contains(sessionId);
    }

    /** The sessions paused now (the sweep leaves their tasks alone). */
    public Set<String> sessionIds() {
        return Set.copyOf(paused);
    }

    /**
     * Call just before claiming a task of {@code sessionId}. Returns {@code null} if the session is
     * paused (do not claim), else the callback to run once the claim is answered.
     */
    public Runnable enterClaim(String sessionId) {
        long stamp = marking.readLock();
        try {
            if (paused.contains(sessionId)) {
                return null;
            }
            claiming.merge(sessionId, 1, Integer::sum);
        } finally {
            marking.unlockRead(stamp);
        }
        return () -> claiming.computeIfPresent(sessionId, (id, n) -> n == 1 ? null : n - 1);
    }

    @Override
    public void refresh(String sessionId) {
        if (apply(sessionId)) {
            awaitClaimsOf(sessionId);
        }
    }

    @Override
    public void close() {
        events.shutdownNow();
        if (listener != null) {
            try {
                sessions.removeEntryListener(listener);
            } catch (RuntimeException e) {
                // The member is already gone.
            }
        }
    }

    /** Reads the session's state from the map and applies it here; returns whether it is paused now. */
    private boolean apply(String sessionId) {
        boolean nowPaused;
        boolean resumed;
        synchronized (applying) {
            Session session = sessions.get(sessionId);
            SessionState state = session == null ? null : session.state();
            nowPaused = state == SessionState.PAUSED || (state == SessionState.CANCELLED && paused.contains(sessionId));
            if (state == SessionState.PAUSED) {
                mark(sessionId);
            }
            boolean removed = !nowPaused && paused.remove(sessionId);
            resumed = removed && (state == SessionState.OPEN || state == SessionState.CLOSED);
        }
        if (nowPaused) {
            withdraw.accept(sessionId);
        } else if (resumed) {
            redispatch.accept(sessionId);
        }
        return nowPaused;
    }

    private void mark(String sessionId) {
        long stamp = marking.writeLock();
        try {
            paused.add(sessionId);
        } finally {
            marking.unlockWrite(stamp);
        }
    }

    /** Claims asked for before the pause are answered within milliseconds; the pause waits for them. */
    private void awaitClaimsOf(String sessionId) {
        long deadline = System.nanoTime() + CLAIM_DRAIN_LIMIT.toNanos();
        while (claiming.containsKey(sessionId)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("claims of paused session {} still unanswered after {}", sessionId, CLAIM_DRAIN_LIMIT);
                return;
            }
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
    }

    private void applyLater(String sessionId) {
        try {
            events.execute(() -> {
                try {
                    apply(sessionId);
                } catch (RuntimeException e) {
                    LOG.debug("applying the state of session {} failed; the next change applies it", sessionId, e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // Closed: the node is stopping.
        }
    }

    /** Map events arrive on Hazelcast's event threads: the work is handed to our own thread. */
    private final class Tracker implements EntryUpdatedListener<String, Session>, EntryRemovedListener<String, Session> {

        @Override
        public void entryUpdated(EntryEvent<String, Session> event) {
            applyLater(event.getKey());
        }

        @Override
        public void entryRemoved(EntryEvent<String, Session> event) {
            applyLater(event.getKey());
        }
    }
}
