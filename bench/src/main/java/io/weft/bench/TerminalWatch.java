package io.weft.bench;

import io.weft.client.Events;
import io.weft.client.WeftClient;
import io.weft.model.task.TaskStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a session's tasks as they end, told by a terminal-only event subscription (no polling), so a
 * scenario's clock stops when the last of {@code expected} tasks ended.
 */
final class TerminalWatch implements AutoCloseable {

    private final CountDownLatch unfinished;
    private final AtomicLong notSucceeded = new AtomicLong();
    private final Events.Subscription subscription;

    private TerminalWatch(WeftClient client, String session, int expected) {
        this.unfinished = new CountDownLatch(expected);
        this.subscription = client.events().subscribe(session,
                EnumSet.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELLED), event -> {
                    if (event.to() != null && event.to().isTerminal()) {
                        if (event.to() != TaskStatus.SUCCEEDED) {
                            notSucceeded.incrementAndGet();
                        }
                        unfinished.countDown();
                    }
                });
    }

    /** Starts watching {@code session} for {@code expected} tasks to end; subscribe before submitting. */
    static TerminalWatch of(WeftClient client, String session, int expected) {
        return new TerminalWatch(client, session, expected);
    }

    /** Whether every expected task ended within {@code limit}. */
    boolean await(Duration limit) throws InterruptedException {
        return unfinished.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    long unfinished() {
        return unfinished.getCount();
    }

    long notSucceeded() {
        return notSucceeded.get();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
