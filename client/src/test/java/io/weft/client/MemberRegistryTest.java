package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.model.cluster.MemberInfo;
import io.weft.model.cluster.MemberState;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The directory of nodes: load, a dead node dropping out, drain and undrain, and one type turned off on one node. */
class MemberRegistryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void loadIsPublishedAndATerminatedNodeDropsOutOfMembers() throws Exception {
        try (TestCluster cluster = TestCluster.of("registry-load", 2, Map.of("sleep", 2))) {
            WeftClient client = cluster.client();
            String session = client.sessions().create("load", Map.of()).id();
            client.tasks().submit(session, sleeps(8, 3_000));
            awaitTrue("some node publishes a load", () -> client.cluster().members().stream().mapToInt(MemberInfo::load).sum() > 0);

            String dead = cluster.node(1).memberId();
            long killedAt = System.nanoTime();
            cluster.node(1).terminate();
            awaitTrue("the terminated node leaves members()",
                    () -> client.cluster().members().stream().noneMatch(m -> m.memberId().equals(dead)));
            System.out.printf("WEFT-FIGURES terminatedNodeLeftMembersMillis=%d%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            assertThat(client.cluster().members()).extracting(MemberInfo::memberId).containsExactly(cluster.node(0).memberId());
        }
    }

    @Test
    void drainedNodeFinishesItsRunningTasksRunsNoNewOnesReportsDrainedAndWorksAgainWhenUndrained() throws Exception {
        try (TestCluster cluster = TestCluster.of("registry-drain", 2, Map.of("sleep", 4))) {
            WeftClient client = cluster.client();
            WeftNode drained = cluster.node(1);
            String session = client.sessions().create("drain", Map.of()).id();
            List<Task> first = client.tasks().submit(session, sleeps(16, 2_000));
            // An attempt's start is written once it has run a moment (AttemptRunner.RECORD_START_AFTER).
            awaitTrue("the node to drain runs tasks", () -> !runningOn(client, session, drained).isEmpty());
            List<String> runningThere = runningOn(client, session, drained);

            MemberInfo answer = client.cluster().drain(drained.memberId());

            assertThat(answer.state()).isIn(MemberState.DRAINING, MemberState.DRAINED);
            assertThat(answer.served()).isEmpty();
            awaitTrue("other nodes see it serve nothing", () -> cluster.node(0).registry().all().stream()
                    .filter(m -> m.memberId().equals(drained.memberId())).allMatch(m -> m.served().isEmpty()));
            List<Task> later = client.tasks().submit(session, sleeps(16, 10));
            for (Task task : later) {
                Task done = client.tasks().await(task.id()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
                assertThat(done.worker()).as("a task submitted after the drain").isEqualTo(cluster.node(0).memberId());
            }
            for (Task task : first) {
                assertThat(client.tasks().await(task.id()).get(WAIT.toSeconds(), TimeUnit.SECONDS).status())
                        .isEqualTo(TaskStatus.SUCCEEDED);
            }
            for (String id : runningThere) {
                Task done = client.tasks().get(id).orElseThrow();
                assertThat(done.worker()).as("a task running on the node when it was drained").isEqualTo(drained.memberId());
                assertThat(done.attempt()).isEqualTo(1);
            }
            awaitTrue("the node reports DRAINED", () -> client.cluster().member(drained.memberId()).state() == MemberState.DRAINED);
            assertThat(runningThere).isNotEmpty();

            MemberInfo back = client.cluster().undrain(drained.memberId());
            assertThat(back.state()).isEqualTo(MemberState.ACTIVE);
            assertThat(back.served()).isNotEmpty();
            awaitTrue("the undrained node runs new tasks", () -> {
                Task task = client.tasks().submit(session, sleeps(8, 50)).get(0);
                return client.tasks().await(task.id()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join().worker().equals(drained.memberId());
            });
        }
    }

    @Test
    void typeDisabledOnOneNodeRunsElsewhereUntilEnabledAgain() throws Exception {
        try (TestCluster cluster = TestCluster.of("registry-disable", 2)) {
            WeftClient client = cluster.client();
            String first = cluster.node(0).memberId();
            String second = cluster.node(1).memberId();
            String session = client.sessions().create("disable", Map.of()).id();

            MemberInfo answer = client.cluster().disableType(first, "echo");

            assertThat(answer.serves("echo")).isEmpty();
            assertThat(answer.serves("sleep")).isPresent();
            awaitTrue("the directory no longer lists echo on the first node",
                    () -> client.cluster().member(first).serves("echo").isEmpty());
            assertThat(runAll(client, session, echoes(40))).extracting(Task::worker).containsOnly(second);

            // Each side in turn: the first node runs echo again once enabled, while the second has it off.
            client.cluster().enableType(first, "echo");
            client.cluster().disableType(second, "echo");

            awaitTrue("the directory lists echo on the first node again", () -> client.cluster().member(first).serves("echo").isPresent());
            awaitTrue("and not on the second", () -> client.cluster().member(second).serves("echo").isEmpty());
            assertThat(runAll(client, session, echoes(40))).extracting(Task::worker).containsOnly(first);
        }
    }

    @Test
    void unknownMemberOrTypeIsNoSuchElement() {
        try (TestCluster cluster = TestCluster.of("registry-unknown", 1)) {
            WeftClient client = cluster.client();
            assertThatThrownBy(() -> client.cluster().drain("no-such-member")).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> client.cluster().disableType(cluster.node(0).memberId(), "no-such-type"))
                    .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no-such-type");
            assertThat(client.cluster().member(cluster.node(0).memberId()).state()).isEqualTo(MemberState.ACTIVE);
        }
    }

    private static List<Task> runAll(WeftClient client, String session, List<TaskSpec> specs) throws Exception {
        List<Task> done = new ArrayList<>();
        for (Task task : client.tasks().submit(session, specs)) {
            Task finished = client.tasks().await(task.id()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(finished.status()).isEqualTo(TaskStatus.SUCCEEDED);
            done.add(finished);
        }
        return done;
    }

    private static List<String> runningOn(WeftClient client, String session, WeftNode node) {
        return client.tasks().list(session, TaskStatus.RUNNING).stream()
                .filter(t -> node.memberId().equals(t.worker())).map(Task::id).toList();
    }

    private static List<TaskSpec> sleeps(int count, long ms) {
        return IntStream.range(0, count).mapToObj(i -> TaskSpec.of("sleep", "{\"ms\":" + ms + "}")).toList();
    }

    private static List<TaskSpec> echoes(int count) {
        return IntStream.range(0, count).mapToObj(i -> TaskSpec.of("echo", "{\"i\":" + i + "}")).toList();
    }

    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
