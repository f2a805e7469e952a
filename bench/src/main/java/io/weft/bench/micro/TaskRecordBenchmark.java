package io.weft.bench.micro;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.weft.model.Ids;
import io.weft.model.Json;
import io.weft.model.grid.CompleteAttempt;
import io.weft.model.serialization.WeftSerializers;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-task pieces of a write that the load scenarios cannot separate, on one echo task as the
 * benchmark submits it: what a partition thread does with the task's value at each write (read it,
 * then write the new one; {@code SerializeValuesOnce} keeps it to one of each), the state machine's
 * share, and the input check that runs on every read. {@link #stateOnlyRoundTrip} is the same round
 * trip without the spec's fields ({@link TaskState}): the most a smaller task record could save.
 *
 * <p>The serialisation service is a real member's (Compact, Weft's serializers, one member on
 * 127.0.0.1 that joins nothing), so schema lookups cost what they cost in the grid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TaskRecordBenchmark {

    private static final String WORKER = "bench-worker";

    private HazelcastInstance member;
    private SerializationService serialization;
    private Task queued;
    private CompleteAttempt completion;
    private Data succeeded;
    private Data succeededState;
    private String input;

    @Setup
    public void start() {
        Config config = new Config().setClusterName("bench-micro-" + UUID.randomUUID().toString().substring(0, 8));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getJetConfig().setEnabled(false);
        config.getNetworkConfig().setPort(5901).setPortAutoIncrement(true).getInterfaces().setEnabled(true)
                .addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        WeftSerializers.register(config.getSerializationConfig(), List.of(new TaskStateSerializer()));
        member = Hazelcast.newHazelcastInstance(config);
        serialization = ((SerializationServiceSupport) member).getSerializationService();

        input = "{\"i\":123456}";
        long now = System.currentTimeMillis();
        queued = Task.create(Ids.newTaskId(), Ids.newSessionId(), TaskSpec.of("echo", input), Instant.ofEpochMilli(now));
        completion = CompleteAttempt.success(queued.attempt(), WORKER, now, "{}", now + 1);
        Task done = completion.applyTo(queued);
        succeeded = serialization.toData(done);
        succeededState = serialization.toData(TaskState.of(done));
    }

    @TearDown
    public void stop() {
        member.shutdown();
    }

    /** What an insert stores: the new task, serialised. */
    @Benchmark
    public Data writeNewTask() {
        return serialization.toData(queued);
    }

    /** A write's own work on the value: the stored task read, and its successor written (here, itself). */
    @Benchmark
    public Data taskRoundTrip() {
        Task task = serialization.toObject(succeeded);
        return serialization.toData(task);
    }

    /** The same round trip without the spec's fields. */
    @Benchmark
    public Data stateOnlyRoundTrip() {
        TaskState state = serialization.toObject(succeededState);
        return serialization.toData(state);
    }

    /** The state machine's share of a completion: QUEUED to RUNNING to SUCCEEDED, each checked and recorded. */
    @Benchmark
    public Task completeAttempt() {
        return completion.applyTo(queued);
    }

    /** The input's JSON check, which runs on each read of a task. */
    @Benchmark
    public String checkInput() {
        return Json.document("input", input);
    }
}
