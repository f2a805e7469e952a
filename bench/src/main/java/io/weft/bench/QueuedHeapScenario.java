package io.weft.bench;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.weft.client.WeftClient;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * What a waiting task costs in memory: {@code count} echo tasks submitted into a paused session stay
 * QUEUED; the heap used after full collections before and after, and the tasks map's own count of its
 * entries' cost, each divided by {@code count}. One member, so every figure is the primary copy only
 * (its backup would live on another member).
 */
final class QueuedHeapScenario {

    private final WeftClient client;
    private final HazelcastInstance member;
    private final PrintStream out;

    QueuedHeapScenario(WeftClient client, HazelcastInstance member, PrintStream out) {
        this.client = client;
        this.member = member;
        this.out = out;
    }

    /** Prints {@code queued-heap}; returns how many tasks were not QUEUED while the session was paused. */
    long run(int count) throws Exception {
        IMap<String, Task> tasks = member.getMap(GridNames.TASKS);
        String session = client.sessions().create("bench-queued", Map.of()).id();
        client.sessions().pause(session);
        long heapBefore = settledHeapUsed();
        long entriesBefore = tasks.getLocalMapStats().getOwnedEntryMemoryCost();
        SessionTasks.submitInBatches(client, session, count, i -> TaskSpec.of("echo", "{\"i\":" + i + "}"));
        long heapAfter = settledHeapUsed();
        long entriesAfter = tasks.getLocalMapStats().getOwnedEntryMemoryCost();
        long queued = client.sessions().counts(session).get(TaskStatus.QUEUED);
        out.printf("queued-heap      %,d echo tasks QUEUED in a paused session, 1 member (primary copy): heap after full GC "
                        + "%,d bytes per task (%,d MiB in all); tasks map owned-entry cost %,d bytes per task%n", count,
                (heapAfter - heapBefore) / count, (heapAfter - heapBefore) >> 20, (entriesAfter - entriesBefore) / count);
        client.sessions().purge(session);
        return count - queued;
    }

    /** Used heap after a few full collections, once it stops falling. */
    static long settledHeapUsed() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - (1 << 20) && i >= 2) {
                return Math.min(used, previous);
            }
            previous = Math.min(previous, used);
        }
        return previous;
    }
}
