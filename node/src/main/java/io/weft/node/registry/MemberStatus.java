package io.weft.node.registry;

import io.weft.model.cluster.MemberInfo;
import io.weft.model.cluster.MemberState;
import io.weft.model.cluster.ServedType;
import io.weft.model.grid.MemberControl;
import io.weft.node.execution.Dispatcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's entry in the directory current: its load every {@value #REFRESH_SECONDS} s, and
 * at once what an operator changes (drain, a type disabled or enabled). It writes only when something
 * changed, since every write sends the whole entry (all served types) to every node and client.
 */
public final class MemberStatus implements MemberControl, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MemberStatus.class);
    public static final int REFRESH_SECONDS = 2;

    private final MemberRegistry registry;
    private final Dispatcher dispatcher;
    private final MemberInfo started;
    private MemberState state = MemberState.ACTIVE;
    private MemberInfo published;

    private MemberStatus(MemberRegistry registry, Dispatcher dispatcher, MemberInfo started) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.started = started;
        this.published = started;
    }

    /** Publishes {@code self} and refreshes it on {@code duties} from then on. */
    public static MemberStatus start(MemberRegistry registry, Dispatcher dispatcher, MemberInfo self,
                                     ScheduledExecutorService duties) {
        MemberStatus status = new MemberStatus(registry, dispatcher, self);
        registry.start(self);
        duties.scheduleWithFixedDelay(status, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        return status;
    }

    @Override
    public void run() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The grid is busy or leaving; the next refresh tries again.
            LOG.debug("could not refresh this node's directory entry", e);
        }
    }

    @Override
    public synchronized MemberInfo drain() {
        if (state == MemberState.ACTIVE) {
            LOG.info("draining node {}: no new tasks, {} attempts still running", started.memberId(), dispatcher.busy());
            dispatcher.drain();
            state = MemberState.DRAINING;
        }
        return refresh();
    }

    @Override
    public synchronized MemberInfo undrain() {
        if (state != MemberState.ACTIVE) {
            LOG.info("node {} takes tasks again", started.memberId());
            dispatcher.undrain();
            state = MemberState.ACTIVE;
        }
        return refresh();
    }

    @Override
    public synchronized Optional<MemberInfo> setTypeEnabled(String type, boolean enabled) {
        if (!dispatcher.setTypeEnabled(type, enabled)) {
            return Optional.empty();
        }
        LOG.info("task type {} {} on node {}", type, enabled ? "enabled" : "disabled", started.memberId());
        return Optional.of(refresh());
    }

    private synchronized MemberInfo refresh() {
        if (state == MemberState.DRAINING && dispatcher.busy() == 0) {
            state = MemberState.DRAINED;
            LOG.info("node {} drained", started.memberId());
        }
        MemberInfo now = started.with(served(), dispatcher.load(), state);
        if (!now.equals(published)) {
            registry.publish(now);
            published = now;
        }
        return now;
    }

    /** A node that does not take tasks lists none, so others stop forwarding it any. */
    private List<ServedType> served() {
        if (state != MemberState.ACTIVE) {
            return List.of();
        }
        Set<String> off = dispatcher.disabledTypes();
        return off.isEmpty() ? started.served()
                : started.served().stream().filter(s -> !off.contains(s.type().name())).toList();
    }
}
