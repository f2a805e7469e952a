package io.weft.model.serialization;

import static io.weft.model.task.TaskFixtures.MEMBER;
import static io.weft.model.task.TaskFixtures.OTHER_MEMBER;
import static io.weft.model.task.TaskFixtures.T0;
import static io.weft.model.task.TaskFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.cluster.MemberState;
import io.weft.model.cluster.ServedType;
import io.weft.model.grid.AddTaskCounts;
import io.weft.model.grid.AddWrittenBytes;
import io.weft.model.grid.ControlMember;
import io.weft.model.grid.Dependent;
import io.weft.model.grid.ResolveInput;
import io.weft.model.grid.TallyInput;
import io.weft.model.grid.ApplySessionState;
import io.weft.model.grid.CancelTask;
import io.weft.model.grid.ClaimTask;
import io.weft.model.grid.CompleteAttempt;
import io.weft.model.grid.CompleteResult;
import io.weft.model.grid.InsertTask;
import io.weft.model.grid.InsertTasks;
import io.weft.model.grid.InterruptAttempt;
import io.weft.model.grid.PromoteDueTask;
import io.weft.model.grid.RemoveChunk;
import io.weft.model.grid.RequeueOrphan;
import io.weft.model.result.ResultLimits;
import io.weft.model.grid.RecordedOutcome;
import io.weft.model.grid.TaskUpdate;
import io.weft.model.result.ResultMeta;
import io.weft.model.session.Session;
import io.weft.model.session.SessionState;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.ErrorType;
import io.weft.model.task.InputTally;
import io.weft.model.task.Inputs;
import io.weft.model.task.Task;
import io.weft.model.task.TaskError;
import io.weft.model.task.TaskEvent;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.model.type.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import io.weft.model.grid.AdvanceSchedule;
import io.weft.model.grid.AppendTaskLog;
import io.weft.model.grid.ChangeScheduleState;
import io.weft.model.grid.RecordScheduleOutcome;
import io.weft.model.logs.LogLine;
import io.weft.model.logs.TaskLog;
import io.weft.model.logs.TaskLogLines;
import io.weft.model.schedule.MisfirePolicy;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.schedule.ScheduleState;
import io.weft.model.grid.LeaseDelivery;
import io.weft.model.grid.RecordDeliveryAttempt;
import io.weft.model.hook.DeliveryAttempt;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.hook.HookScope;
import io.weft.model.http.UrlAllowList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every grid type survives a Compact round trip, through the same serialization service a member uses. */
class WeftSerializersTest {

    private static SerializationService serialization;

    /** Keeps schemas in this JVM, where a member would replicate them over the cluster. */
    private static final class InMemorySchemas implements SchemaService {
        private final Map<Long, Schema> schemas = new ConcurrentHashMap<>();

        @Override
        public Schema get(long schemaId) {
            return schemas.get(schemaId);
        }

        @Override
        public void put(Schema schema) {
            schemas.put(schema.getSchemaId(), schema);
        }

        @Override
        public void putLocal(Schema schema) {
            put(schema);
        }
    }

    @BeforeAll
    static void startSerialization() {
        // The build's argLine asks Hazelcast for slf4j, which this module does not ship; nothing here logs.
        System.setProperty("hazelcast.logging.type", "none");
        SerializationConfig config = WeftSerializers.register(new SerializationConfig(), List.of());
        serialization = new DefaultSerializationServiceBuilder()
                .setConfig(config)
                .setSchemaService(new InMemorySchemas())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        Data data = serialization.toData(value);
        assertThat(data.isCompact()).as("%s is Compact", value.getClass().getSimpleName()).isTrue();
        return (T) serialization.toObject(data);
    }

    private static Task aTaskWithHistoryAndError() {
        TaskOptions options = TaskOptions.builder().priority(7).maxRetries(4).backoff(Duration.ofMillis(1500))
                .timeout(Duration.ofSeconds(30)).runAt(at(-5)).labels(Map.of("team", "a", "tier", "gold")).build();
        TaskSpec spec = new TaskSpec("echo", "{\"x\":[1,2]}", options, List.of("r-in"), List.of("r-out"), "key-1", "t-parent");
        return Task.create("t-1", "s-1", spec, T0)
                .inputsReady(Inputs.NONE, at(1))
                .claim(MEMBER, at(1))
                .failAttempt(TaskError.fromException(new IllegalStateException("boom")), at(2), at(3))
                .promote(at(3))
                .claim(OTHER_MEMBER, at(4));
    }

    @Test
    void everyModelSerializerHasAStableDistinctWeftTypeName() {
        List<CompactSerializer<?>> all = WeftSerializers.all();
        Set<String> names = all.stream().map(CompactSerializer::getTypeName).collect(Collectors.toSet());

        assertThat(names).hasSize(all.size()).allMatch(name -> name.startsWith("weft."));
        assertThat(names).contains("weft.Task", "weft.Session", "weft.ResultMeta", "weft.TaskEvent");
    }

    @Test
    void taskWithHistoryErrorAndOptionsSurvivesARoundTrip() {
        Task task = aTaskWithHistoryAndError();

        Task copy = roundTrip(task);

        assertThat(copy).isEqualTo(task);
        assertThat(copy.history()).hasSize(6);
        assertThat(copy.error().exception()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void taskMadeOfSubMillisecondTimesEqualsItsStoredForm() {
        // A submitter keeps the task it inserted rather than reading it back: the two must be equal.
        Instant now = Instant.parse("2026-01-01T00:00:00.123456789Z");
        TaskOptions delayed = TaskOptions.builder().delay(Duration.ofNanos(1_500_001)).timeout(Duration.ofNanos(2_999_999))
                .backoff(Duration.ofNanos(999_999)).build();
        Task task = Task.create("t-1", "s-1", TaskSpec.of("echo", "{}").withOptions(delayed), now);
        Task timed = Task.create("t-2", "s-1", TaskSpec.of("echo", "{}").withOptions(TaskOptions.builder().runAt(now).build()), now);

        assertThat(roundTrip(task)).isEqualTo(task);
        assertThat(roundTrip(timed)).isEqualTo(timed);
        assertThat(task.spec().options().timeout()).isEqualTo(Duration.ofMillis(2));
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    }

    @Test
    void finishedTaskWithOutputSurvivesARoundTrip() {
        Task done = aTaskWithHistoryAndError().succeed("{\"y\":true}", at(5));

        assertThat(roundTrip(done)).isEqualTo(done);
    }

    @Test
    void taskAndOptionsWithAFollowUpSurviveARoundTrip() {
        TaskOptions options = TaskOptions.builder().then("{\"type\":\"echo\",\"options\":{\"priority\":8}}").build();
        Task chained = Task.create("t-3", "s-1", TaskSpec.of("echo", "1").withOptions(options), T0);

        assertThat(roundTrip(chained)).isEqualTo(chained);
        assertThat(roundTrip(options)).isEqualTo(options);
        assertThat(roundTrip(chained).spec().options().followUp().options().priority()).isEqualTo(8);
    }

    @Test
    void taskWithDefaultOptionsSurvivesARoundTrip() {
        Task queued = Task.create("t-2", "s-1", TaskSpec.of("echo", null), T0);

        assertThat(roundTrip(queued)).isEqualTo(queued);
    }

    @Test
    void inputTallyDependentAndTheirEntryProcessorsSurviveARoundTrip() {
        InputTally tally = InputTally.allPending("s-1", 10_000).ready(9_999, "r-last", 42);
        Dependent dependent = new Dependent("t-1", 9_999, false);
        TallyInput count = new TallyInput(3, "r-3", 7);
        ResolveInput ready = ResolveInput.ready(new Inputs("r-last", 42), 5);
        ResolveInput aborted = ResolveInput.aborted("r-3", "gone", 6);

        assertThat(roundTrip(tally)).isEqualTo(tally);
        assertThat(roundTrip(tally).pendingIds(java.util.Collections.nCopies(10_000, "r"))).hasSize(9_999);
        assertThat(roundTrip(dependent)).isEqualTo(dependent);
        assertThat(roundTrip(count)).isEqualTo(count);
        assertThat(roundTrip(ready)).isEqualTo(ready);
        assertThat(roundTrip(aborted)).isEqualTo(aborted);
    }

    @Test
    void sessionWithLabelsSurvivesARoundTrip() {
        Session session = new Session("s-1", "nightly", Map.of("team", "a", "env", "prod"), SessionState.PAUSED, T0);

        assertThat(roundTrip(session)).isEqualTo(session);
        Session bare = new Session("s-2", null, null, SessionState.OPEN, T0);
        assertThat(roundTrip(bare)).isEqualTo(bare);
    }

    @Test
    void resultMetaSurvivesARoundTripCreatedAndCompleted() {
        ResultMeta created = ResultMeta.created("r-1", "s-1", "out.bin", "application/json", "t-1", T0, at(3600));
        ResultMeta uploaded = ResultMeta.created("r-2", "s-1", "in.bin", null, null, T0, at(60)).complete(3_000_000, "ab".repeat(32), 3);

        assertThat(roundTrip(created)).isEqualTo(created);
        assertThat(roundTrip(uploaded)).isEqualTo(uploaded);
    }

    @Test
    void resultLimitsSurviveARoundTrip() {
        ResultLimits limits = new ResultLimits(4L << 30, 64L << 30, Duration.ofMinutes(90));

        assertThat(roundTrip(limits)).isEqualTo(limits);
        assertThat(roundTrip(ResultLimits.DEFAULTS)).isEqualTo(ResultLimits.DEFAULTS);
    }

    @Test
    void taskTypeSurvivesARoundTrip() {
        TaskType type = new TaskType("image.resize", "2", "Resizes an image",
                "{\"type\":\"object\"}", "{\"type\":\"string\"}", TaskOptions.builder().priority(2).build());

        assertThat(roundTrip(type)).isEqualTo(type);
        assertThat(roundTrip(TaskType.of("echo", null, null, null))).isEqualTo(TaskType.of("echo", null, null, null));
    }

    @Test
    void taskEventsSurviveARoundTripIncludingACreationWithoutPreviousStatus() {
        TaskEvent creation = new TaskEvent(0, T0, "s-1", "t-1", null, TaskStatus.QUEUED, 1);
        TaskEvent change = TaskEvent.latest(aTaskWithHistoryAndError());

        assertThat(roundTrip(creation)).isEqualTo(creation);
        assertThat(roundTrip(change)).isEqualTo(change);
    }

    @Test
    void hooksDeliveriesTheirProcessorsAndTheAllowListSurviveARoundTrip() {
        Hook hook = new Hook("h-1", HookScope.KEY, "k-a", Set.of(HookEvent.TASK_FAILED, HookEvent.SESSION_FINISHED),
                "http://127.0.0.1:9000/hooks/a", "0123456789abcdef0123456789abcdef", T0);
        HookDelivery pending = HookDelivery.create("h-1", "task:t-1:failed", HookEvent.TASK_FAILED, "s-1", "t-1", "{\"a\":1}", T0)
                .recorded(new DeliveryAttempt(1, at(1), MEMBER, 0, "ConnectException", 12), 3, at(5));
        HookDelivery delivered = pending.recorded(new DeliveryAttempt(2, at(5), OTHER_MEMBER, 200, null, 3), 3, at(9));
        DeliveryAttempt attempt = new DeliveryAttempt(3, at(7), MEMBER, 503, null, 40);

        assertThat(roundTrip(hook)).isEqualTo(hook);
        assertThat(roundTrip(pending)).isEqualTo(pending);
        assertThat(roundTrip(delivered)).isEqualTo(delivered);
        assertThat(roundTrip(new UrlAllowList(List.of("http://127.0.0.1:")))).isEqualTo(new UrlAllowList(List.of("http://127.0.0.1:")));
        assertThat(roundTrip(UrlAllowList.NONE)).isEqualTo(UrlAllowList.NONE);
        assertThat(roundTrip(new LeaseDelivery(2, 10, 20))).isEqualTo(new LeaseDelivery(2, 10, 20));
        assertThat(roundTrip(new RecordDeliveryAttempt(attempt, 5, 99))).isEqualTo(new RecordDeliveryAttempt(attempt, 5, 99));
    }

    @Test
    void entryProcessorsSurviveARoundTrip() {
        List<Object> processors = List.of(
                new ClaimTask(MEMBER, 3, T0.toEpochMilli()),
                CompleteAttempt.success(2, "member-a", T0.toEpochMilli(), "{\"ok\":1}", T0.toEpochMilli()),
                CompleteAttempt.failure(2, "member-a", T0.toEpochMilli(), TaskError.of(ErrorType.TIMEOUT, "slow"), T0.toEpochMilli(), at(9).toEpochMilli()),
                CompleteAttempt.success(2, "member-a", T0.toEpochMilli(), "{}", T0.toEpochMilli()).predicting(aTaskWithHistoryAndError()),
                new CancelTask(T0.toEpochMilli()),
                new PromoteDueTask(4, T0.toEpochMilli()),
                new RequeueOrphan(OTHER_MEMBER, T0.toEpochMilli()),
                new InsertTask(aTaskWithHistoryAndError()),
                new CompleteResult(42, "ff".repeat(32), 1),
                new RemoveChunk());

        for (Object processor : processors) {
            assertThat(roundTrip(processor)).as(processor.getClass().getSimpleName()).isEqualTo(processor);
        }
    }

    @Test
    void executorMessagesSurviveARoundTrip() {
        Task task = aTaskWithHistoryAndError();
        InsertTasks batch = roundTrip(new InsertTasks(List.of(task, Task.create("t-2", "s-1", TaskSpec.of("echo", "1"), T0))));
        InterruptAttempt interrupt = roundTrip(new InterruptAttempt("t-1", 3));

        assertThat(batch.tasks()).hasSize(2).first().isEqualTo(task);
        assertThat(interrupt.taskId()).isEqualTo("t-1");
        assertThat(interrupt.attempt()).isEqualTo(3);
    }

    @Test
    void memberInfoWithLoadAndStateAndMemberOrdersSurviveARoundTrip() {
        MemberInfo draining = new MemberInfo("m-1", "[127.0.0.1]:5701", "0.1.0", T0,
                List.of(new ServedType(TaskType.of("echo", null, null, null), 4)), 7, MemberState.DRAINING);
        MemberInfo fresh = new MemberInfo("m-2", "[127.0.0.1]:5702", "0.1.0", T0, List.of());

        assertThat(roundTrip(draining)).isEqualTo(draining);
        assertThat(roundTrip(fresh)).isEqualTo(fresh);
        assertThat(fresh.state()).isEqualTo(MemberState.ACTIVE);
        ControlMember disable = roundTrip(new ControlMember(ControlMember.Action.DISABLE_TYPE, "echo"));
        assertThat(disable.action()).isEqualTo(ControlMember.Action.DISABLE_TYPE);
        assertThat(disable.type()).isEqualTo("echo");
        assertThat(roundTrip(new ControlMember(ControlMember.Action.DRAIN, null)).type()).isNull();
    }

    @Test
    void sessionCountsTheirChangesAndTaskUpdatesSurviveARoundTrip() {
        TaskCounts counts = new TaskCounts(Map.of(TaskStatus.QUEUED, 0L, TaskStatus.RUNNING, 2L, TaskStatus.SUCCEEDED, 998L));
        TaskCounts change = new TaskCounts(Map.of(TaskStatus.QUEUED, -1L, TaskStatus.RUNNING, 1L));

        assertThat(roundTrip(counts)).isEqualTo(counts);
        assertThat(roundTrip(TaskCounts.NONE)).isEqualTo(TaskCounts.NONE);
        assertThat(roundTrip(new AddTaskCounts(change))).isEqualTo(new AddTaskCounts(change));
        assertThat(roundTrip(new AddWrittenBytes(3, 7))).isEqualTo(new AddWrittenBytes(3, 7));
        assertThat(roundTrip(TaskUpdate.changed(aTaskWithHistoryAndError()))).isEqualTo(TaskUpdate.changed(aTaskWithHistoryAndError()));
        assertThat(roundTrip(TaskUpdate.unchanged(aTaskWithHistoryAndError())).changed()).isFalse();
        assertThat(roundTrip(new RecordedOutcome(aTaskWithHistoryAndError()))).isEqualTo(new RecordedOutcome(aTaskWithHistoryAndError()));
        assertThat(roundTrip(new RecordedOutcome(null)).unpredicted()).isNull();
        assertThat(roundTrip(new ApplySessionState("s-1")).sessionId()).isEqualTo("s-1");
    }

    @Test
    void schedulesTheirOperationsAndTaskLogsSurviveARoundTrip() {
        TaskSpec template = TaskSpec.of("echo", "{\"x\":1}").withOptions(TaskOptions.builder().priority(8).build());
        Schedule cron = Schedule.create("sch-1", ScheduleSpec.cron("s-1", "0 */5 * * * *", "Europe/Rome", template)
                .withMisfire(MisfirePolicy.SKIP).withMaxFailures(7), T0);
        Schedule fired = Schedule.create("sch-2", ScheduleSpec.every("s-1", Duration.ofSeconds(10), template), T0)
                .fired(at(10), "t-1", at(20), 4).pause("paused by a user");
        TaskLog log = TaskLog.empty("t-1", "s-1").append(List.of(LogLine.unstored(T0, 1, "hello"), LogLine.unstored(at(1), 2, "")), 1);

        assertThat(roundTrip(cron)).isEqualTo(cron);
        assertThat(roundTrip(fired)).isEqualTo(fired);
        assertThat(roundTrip(log)).isEqualTo(log);
        List<Object> values = List.of(new AdvanceSchedule(1, 2L, "t-1", null, 3), new AdvanceSchedule(1, null, null, "no", 0),
                new RecordScheduleOutcome("t-1", TaskStatus.FAILED, "boom"),
                new ChangeScheduleState(ScheduleState.PAUSED, "why", 5),
                new TaskLogLines("s-1", "t-1", log.lines()));
        for (Object value : values) {
            assertThat(roundTrip(value)).as(value.getClass().getSimpleName()).isEqualTo(value);
        }
        AppendTaskLog append = roundTrip(new AppendTaskLog("s-1", List.of(LogLine.unstored(T0, 1, "x")), 10));
        assertThat(append.lines()).extracting(LogLine::text).containsExactly("x");
    }
}
