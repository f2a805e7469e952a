package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.config.ClientConfig;
import io.weft.model.session.Session;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java example, compiled and run against a real node through a Hazelcast client. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRunsAsWritten() throws Exception {
        try (TestCluster cluster = TestCluster.of("readme", 1)) {
            ClientConfig clientConfig = new ClientConfig();
            clientConfig.setClusterName(cluster.name());
            clientConfig.getNetworkConfig().addAddress(cluster.node(0).hazelcast().getCluster().getLocalMember()
                    .getSocketAddress().getHostString() + ":" + cluster.node(0).hazelcast().getCluster()
                    .getLocalMember().getSocketAddress().getPort());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                example(clientConfig);
            } finally {
                System.setOut(original);
            }
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("echo SUCCEEDED {\"hello\":\"world\"}")
                    .contains("sleep SUCCEEDED {\"slept\":50}");
        }
    }

    @Test
    void readmeShowsThisExampleVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a Java example").isTrue();
        String source = Files.readString(Path.of("src/test/java/io/weft/client/ReadmeExampleTest.java"));
        assertThat(normalise(source)).contains(normalise(block.group(1)));
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    private static void example(ClientConfig clientConfig) throws Exception {
        try (WeftClient weft = WeftClient.connect(clientConfig)) {
            Session session = weft.sessions().create("quickstart", Map.of("team", "docs"));
            List<Task> submitted = weft.tasks().submit(session.id(), List.of(
                    TaskSpec.of("echo", "{\"hello\": \"world\"}"),
                    TaskSpec.of("sleep", "{\"ms\": 50}").withOptions(TaskOptions.builder().priority(9).build())));
            for (Task task : submitted) {
                Task done = weft.tasks().await(task.id()).get(30, TimeUnit.SECONDS);
                System.out.println(done.type() + " " + done.status() + " " + done.output());
            }
        }
    }
}
