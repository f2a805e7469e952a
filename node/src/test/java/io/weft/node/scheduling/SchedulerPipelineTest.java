package io.weft.node.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.test.AssertionCompletedException;
import com.hazelcast.jet.pipeline.test.AssertionSinks;
import com.hazelcast.jet.pipeline.test.TestSources;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import io.weft.node.execution.DueTask;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scheduler pipeline fed from a test source, on a real node (its due-time stage needs one). */
class SchedulerPipelineTest {

    private static final long FAR_FUTURE = Long.MAX_VALUE / 2;
    private static WeftNode node;

    @BeforeAll
    static void startNode() {
        node = WeftNode.start(NodeSettings.builder().clusterName("pipeline-" + UUID.randomUUID().toString().substring(0, 8))
                .members(List.of("127.0.0.1")).metricsPort(0).build());
    }

    @AfterAll
    static void stopNode() {
        node.terminate();
    }

    @Test
    void queuedTasksPassStraightThroughAndTasksDueLaterAreHeldBack() {
        Pipeline pipeline = SchedulerPipeline.build(
                TestSources.itemStream(200, (timestamp, sequence) -> sequence % 2 == 0
                        ? new DueTask("q-" + sequence, "echo", 5, 1, 0, TaskStatus.QUEUED, "s-1", null)
                        : new DueTask("s-" + sequence, "echo", 5, 1, FAR_FUTURE, TaskStatus.SCHEDULED, "s-1", null)),
                AssertionSinks.assertCollectedEventually(30, (List<DueTask> collected) -> {
                    assertThat(collected).hasSizeGreaterThanOrEqualTo(20);
                    assertThat(collected).allSatisfy(task -> {
                        assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
                        assertThat(task.id()).startsWith("q-");
                    });
                }));

        assertThatThrownBy(() -> node.hazelcast().getJet().newJob(pipeline).join())
                .isInstanceOf(CompletionException.class)
                .hasRootCauseInstanceOf(AssertionCompletedException.class);
    }
}
