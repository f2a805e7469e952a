package io.weft.client;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.grid.ControlMember;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.MemberDirectory;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster's nodes as an operator sees them: each node's entry (types, slots, load, state), and
 * the changes an operator makes to one node while it runs: drain it, or disable or enable one task
 * type on it. Each change is a message to that node, which answers once the change holds there; the
 * other nodes and clients see its new entry through the directory's events a moment later.
 */
public final class ClusterAdmin {

    /** How long a node may take to answer a change; it does nothing slow (a drain does not wait). */
    public static final long DEFAULT_ANSWER_SECONDS = 30;

    private final HazelcastInstance hazelcast;
    private final MemberDirectory directory;

    ClusterAdmin(HazelcastInstance hazelcast, MemberDirectory directory) {
        this.hazelcast = hazelcast;
        this.directory = directory;
    }

    /** Every node's entry, from the local copy of the directory. */
    public List<MemberInfo> members() {
        return directory.all();
    }

    /** @throws NoSuchElementException no node has that id */
    public MemberInfo member(String memberId) {
        return directory.get(memberId).orElseThrow(() -> unknown(memberId));
    }

    /**
     * Drains a node: it takes no new tasks (the ones waiting there go to other nodes), lets its running
     * attempts finish and then reports {@code DRAINED}. Returns its entry as the change left it
     * ({@code DRAINING}, or {@code DRAINED} if nothing ran).
     *
     * @throws NoSuchElementException no live member has that id
     */
    public MemberInfo drain(String memberId) {
        return send(memberId, new ControlMember(ControlMember.Action.DRAIN, null));
    }

    /**
     * Puts a drained (or draining) node back to work: it lists its types again and takes new tasks.
     * Returns its entry as the change left it ({@code ACTIVE}).
     *
     * @throws NoSuchElementException no live member has that id
     */
    public MemberInfo undrain(String memberId) {
        return send(memberId, new ControlMember(ControlMember.Action.UNDRAIN, null));
    }

    /**
     * Stops one node taking tasks of {@code type}; other nodes that serve it run them.
     *
     * @throws NoSuchElementException no live member has that id, or it has no handler for the type
     */
    public MemberInfo disableType(String memberId, String type) {
        return send(memberId, new ControlMember(ControlMember.Action.DISABLE_TYPE, type));
    }

    /** Lets one node take tasks of {@code type} again (a drained node still takes none). */
    public MemberInfo enableType(String memberId, String type) {
        return send(memberId, new ControlMember(ControlMember.Action.ENABLE_TYPE, type));
    }

    private MemberInfo send(String memberId, ControlMember order) {
        Member target = hazelcast.getCluster().getMembers().stream()
                .filter(m -> m.getUuid().toString().equals(memberId))
                .findFirst().orElseThrow(() -> unknown(memberId));
        try {
            return hazelcast.getExecutorService(GridNames.EXECUTOR).submitToMember(order, target)
                    .get(DEFAULT_ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for member " + memberId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoSuchElementException missing) {
                throw new NoSuchElementException(missing.getMessage());
            }
            throw new IllegalStateException("member " + memberId + " refused " + order.action() + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("member " + memberId + " did not answer " + order.action() + " within "
                    + DEFAULT_ANSWER_SECONDS + " s", e);
        }
    }

    private static NoSuchElementException unknown(String memberId) {
        return new NoSuchElementException("no member " + memberId);
    }
}
