package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.cluster.MemberInfo;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A node with 10,000 task types (AikoServices' "thousands of services per process"): it starts, a
 * client discovers every type, and the last one runs. It prints the figures docs/benchmarks.md
 * records; it asserts no timing, since a shared 2-core machine makes timings vary.
 */
class ManyHandlersTest {

    /** {@code -Dweft.types=1} gives the same figures for a node of one generated type, to compare. */
    private static final int TYPES = Integer.getInteger("weft.types", 10_000);
    private static final String LAST = String.format("t%04d", TYPES - 1);

    @Test
    void nodeWithTenThousandTypesStartsIsDiscoveredAndRunsTheLastType() throws Exception {
        List<TaskHandler> handlers = IntStream.range(0, TYPES).mapToObj(i -> (TaskHandler) new Numbered(String.format("t%04d", i))).toList();
        long startedAt = System.nanoTime();
        try (TestCluster cluster = TestCluster.withHandlers("many-types", 1, Map.of(), handlers)) {
            long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);

            long discoverAt = System.nanoTime();
            try (WeftClient client = WeftClient.connect(cluster.clientConfig())) {
                List<MemberInfo> members = client.cluster().members();
                long discoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - discoverAt);
                assertThat(members).hasSize(1);
                List<String> served = members.get(0).served().stream().map(s -> s.type().name()).toList();
                assertThat(served).contains("t0000", LAST).filteredOn(n -> n.matches("t\\d{4}")).hasSize(TYPES);

                long runAt = System.nanoTime();
                String session = client.sessions().create("many", Map.of()).id();
                Task task = client.tasks().submit(session, TaskSpec.of(LAST, "{\"x\":1}"));
                Task done = client.tasks().await(task.id()).get(60, TimeUnit.SECONDS);
                long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runAt);
                assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
                assertThat(done.output()).isEqualTo("{\"type\":\"" + LAST + "\"}");

                System.out.printf("WEFT-FIGURES types=%d nodeStartMillis=%d clientDiscoveryMillis=%d firstTaskMillis=%d%n",
                        TYPES, startMillis, discoverMillis, runMillis);
            }
        }
    }

    /** One trivial handler class, instantiated once per type name: it answers its own type. */
    private record Numbered(TaskType type) implements TaskHandler {

        Numbered(String name) {
            this(TaskType.of(name, "generated type " + name, TaskType.ANY, TaskType.ANY));
        }

        @Override
        public JsonNode handle(TaskContext context) {
            return io.weft.model.Json.MAPPER.createObjectNode().put("type", type.name());
        }
    }
}
