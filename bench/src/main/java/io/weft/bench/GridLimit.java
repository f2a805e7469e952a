package io.weft.bench;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The grid's own limit, without Weft: raw no-op operations, {@value #IN_FLIGHT} in flight, callbacks on
 * the completing thread (no executor hop, as ../shared/DESIGN.md measures them). Each run adds its
 * figures to a {@link Series}.
 */
final class GridLimit {

    static final int IN_FLIGHT = 1_000;
    /** Keys the map operations cycle through, so that the map stays small and every write is an update. */
    private static final int KEYS = 100_000;

    private final HazelcastInstance hazelcast;

    GridLimit(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    /** The runs of one kind of operation: each run's operations per second and the JVM's CPU per operation. */
    record Series(List<Double> perSecond, List<Double> cpuMicros) {

        Series() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        Stats rate() {
            return Stats.of(perSecond);
        }

        Stats cpu() {
            return Stats.of(cpuMicros);
        }
    }

    /** {@code IExecutorService.submitToKeyOwner} of a no-op callable. */
    void submitToKeyOwner(int ops, Series runs) throws InterruptedException {
        IExecutorService executor = hazelcast.getExecutorService("bench.raw");
        // Hazelcast's future is a CompletableFuture; the interface only promises a Future.
        run(ops, i -> (CompletableFuture<Integer>) executor.submitToKeyOwner(new NoOp(), i), runs);
    }

    /** {@code IMap.setAsync} of an integer. */
    void setAsync(int ops, Series runs) throws InterruptedException {
        IMap<Integer, Integer> map = hazelcast.getMap("bench.raw-set");
        run(ops, i -> map.setAsync(i % KEYS, i), runs);
        map.clear();
    }

    /**
     * {@code IMap.submitToKey} of an entry processor that adds one to an integer: the kind of write each of
     * a task's changes is, on a map with no index, listener or backup replica, and a four-byte value.
     */
    void entryProcessor(int ops, Series runs) throws InterruptedException {
        IMap<Integer, Integer> map = hazelcast.getMap("bench.raw-entry-processor");
        run(ops, i -> map.submitToKey(i % KEYS, new Increment()), runs);
        map.clear();
    }

    private static void run(int ops, IntFunction<CompletionStage<?>> operation, Series runs) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(ops);
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        for (int i = 0; i < ops; i++) {
            inFlight.acquire();
            operation.apply(i).whenCompleteAsync((value, failure) -> {
                inFlight.release();
                done.countDown();
            }, Runnable::run);
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " raw grid operations did not complete in 5 minutes");
        }
        runs.perSecond().add(ops / ((System.nanoTime() - start) / 1e9));
        runs.cpuMicros().add(ProcessCpu.microsPerTask(cpuStart, ops));
    }

    /** The raw executor's no-op; Java-serialized because it measures the grid, not Weft. */
    static final class NoOp implements Callable<Integer>, Serializable {
        @Override
        public Integer call() {
            return 0;
        }
    }

    /** The raw entry processor; Java-serialized for the same reason. */
    static final class Increment implements EntryProcessor<Integer, Integer, Integer> {
        @Override
        public Integer process(Map.Entry<Integer, Integer> entry) {
            Integer value = entry.getValue();
            entry.setValue(value == null ? 1 : value + 1);
            return null;
        }
    }
}
