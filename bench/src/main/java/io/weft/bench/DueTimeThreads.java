package io.weft.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The threads that run the scheduler's due-time stage in this JVM, found by sampling stacks for its
 * processor (a non-cooperative Jet processor has a thread of its own), and their CPU time.
 */
final class DueTimeThreads {

    private static final String PROCESSOR = "io.weft.node.scheduling.DueTimeProcessor";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Long> ids = new HashSet<>();

    /**
     * Samples every thread's stack for {@code millis} ms and keeps those seen running the processor.
     * Call it while tasks fall due: an idle stage spends too little time in the processor to be seen.
     */
    void sample(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                if (Arrays.stream(info.getStackTrace()).anyMatch(f -> f.getClassName().equals(PROCESSOR))) {
                    ids.add(info.getThreadId());
                }
            }
            Thread.sleep(2);
        }
    }

    int count() {
        return ids.size();
    }

    /** The threads' names, to say in the report which ones were counted. */
    String names() {
        StringBuilder names = new StringBuilder();
        for (long id : ids) {
            ThreadInfo info = threads.getThreadInfo(id);
            names.append(names.length() == 0 ? "" : ", ").append(info == null ? "gone" : info.getThreadName());
        }
        return names.toString();
    }

    /** CPU nanoseconds these threads have used so far. */
    long cpuNanos() {
        long total = 0;
        for (long id : ids) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }
}
