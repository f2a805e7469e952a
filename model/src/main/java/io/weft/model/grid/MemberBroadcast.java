package io.weft.model.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a callable on every member through {@link GridNames#EXECUTOR} and waits, bounded, for all. */
public final class MemberBroadcast {

    private MemberBroadcast() {
    }

    /**
     * Returns once every member ran {@code message}. A member that leaves meanwhile is skipped: a
     * member that joins or restarts reads the grid's state when it starts.
     *
     * @throws IllegalStateException naming {@code what} if a member failed or did not answer in time
     */
    public static <T> void toAllMembers(HazelcastInstance hazelcast, Callable<T> message, Duration timeout, String what) {
        Map<Member, Future<T>> calls = hazelcast.getExecutorService(GridNames.EXECUTOR).submitToAllMembers(message);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<Member, Future<T>> call : calls.entrySet()) {
            try {
                call.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + what, e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof MemberLeftException) && !(e.getCause() instanceof HazelcastInstanceNotActiveException)) {
                    throw new IllegalStateException(what + " failed on member " + call.getKey().getUuid() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException(what + ": member " + call.getKey().getUuid() + " did not answer within "
                        + timeout, e);
            }
        }
    }
}
