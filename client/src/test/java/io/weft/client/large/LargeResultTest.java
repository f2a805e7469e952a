package io.weft.client.large;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A data object far larger than the client's heap makes the round trip: a client JVM with
 * {@code -Xmx200m} uploads {@code weft.large.bytes} bytes (64 MiB unless set) made on the fly,
 * downloads them back, and a {@code checksum} task reads them through a handler on a compute-only
 * node whose JVM also has {@code -Xmx200m}; sizes and SHA-256 must all agree. The data itself lives
 * on a storage member in a JVM of its own, with a heap sized for it (an in-memory grid keeps every
 * byte on some member's heap; what must stay small is every JVM the bytes only pass through).
 * The full gigabyte, as docs/architecture.md says:
 * {@code mvn -B -pl client -am test -Dtest=LargeResultTest -Dsurefire.failIfNoSpecifiedTests=false -Dweft.large.bytes=1073741824}
 */
@Tag("large")
class LargeResultTest {

    private static final long DEFAULT_BYTES = 64L << 20;
    private static final String SMALL_HEAP = "-Xmx200m";
    private static final Duration MEMBER_START = Duration.ofMinutes(2);

    @Test
    void objectLargerThanTheClientHeapRoundTripsThroughClientAndHandlerWithTheSameSha256() throws Exception {
        long bytes = Long.getLong("weft.large.bytes", DEFAULT_BYTES);
        Path work = Files.createDirectories(Path.of("target", "large-result"));
        String cluster = "large-" + UUID.randomUUID().toString().substring(0, 8);
        Path ready = work.resolve(cluster + ".port");
        Path computeReady = work.resolve(cluster + "-compute.port");
        Path report = work.resolve(cluster + ".properties");
        // The member keeps every byte on its heap (one member: no backup copy), plus room to move them.
        long memberHeapMiB = Math.max(512, 2 * (bytes >> 20) + 512);
        Process member = null;
        Process compute = null;
        Process client = null;
        try {
            member = java(work.resolve(cluster + "-member.log"), "-Xmx" + memberHeapMiB + "m",
                    LargeResultMember.class, cluster, ready.toString(), "storage");
            awaitReady(member, ready, work.resolve(cluster + "-member.log"));
            String address = "127.0.0.1:" + Files.readString(ready).trim().split(" ")[0];
            compute = java(work.resolve(cluster + "-compute.log"), SMALL_HEAP,
                    LargeResultMember.class, cluster, computeReady.toString(), "compute");
            awaitReady(compute, computeReady, work.resolve(cluster + "-compute.log"));
            String computeNode = Files.readString(computeReady).trim().split(" ")[1];

            client = java(work.resolve(cluster + "-client.log"), SMALL_HEAP, LargeResultClient.class,
                    cluster, address, String.valueOf(bytes), report.toString());
            // Generous: about 2 MiB/s end to end on two shared cores would still pass.
            long limitSeconds = 180 + (bytes >> 21);
            boolean finished = client.waitFor(limitSeconds, TimeUnit.SECONDS);
            assertThat(finished).as("client finished within %s s; see %s", limitSeconds, work.resolve(cluster + "-client.log"))
                    .isTrue();
            assertThat(client.exitValue()).as("client exit code; see %s", work.resolve(cluster + "-client.log")).isZero();

            Properties seen = new Properties();
            try (InputStream in = Files.newInputStream(report)) {
                seen.load(in);
            }
            String sent = seen.getProperty("sentSha256");
            assertThat(seen.getProperty("completedSize")).isEqualTo(String.valueOf(bytes));
            assertThat(seen.getProperty("completedSha256")).isEqualTo(sent);
            assertThat(seen.getProperty("downloadSize")).isEqualTo(String.valueOf(bytes));
            assertThat(seen.getProperty("downloadSha256")).isEqualTo(sent);
            assertThat(seen.getProperty("taskStatus")).as("task error %s", seen.getProperty("taskError")).isEqualTo("SUCCEEDED");
            assertThat(seen.getProperty("taskSize")).isEqualTo(String.valueOf(bytes));
            assertThat(seen.getProperty("taskSha256")).isEqualTo(sent);
            assertThat(seen.getProperty("taskWorker")).as("the checksum ran on the small compute node").isEqualTo(computeNode);
            assertThat(compute.isAlive()).as("compute node still up; see %s", work.resolve(cluster + "-compute.log")).isTrue();
            assertThat(Long.parseLong(seen.getProperty("maxHeapBytes"))).isLessThanOrEqualTo(200L << 20);
            System.out.printf("large result: %d bytes, upload %s ms, download %s ms, checksum task %s ms, client max heap %d MiB%n",
                    bytes, seen.getProperty("uploadMillis"), seen.getProperty("downloadMillis"), seen.getProperty("taskMillis"),
                    Long.parseLong(seen.getProperty("maxHeapBytes")) >> 20);
        } finally {
            stop(client);
            stop(compute);
            stop(member);
        }
    }

    private static void awaitReady(Process node, Path ready, Path log) {
        await().atMost(MEMBER_START).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(ready) || !node.isAlive());
        assertThat(node.isAlive()).as("node died; see %s", log).isTrue();
    }

    /** Starts {@code main} in a JVM of its own, with this test's classpath, its output into {@code log}. */
    private static Process java(Path log, String heap, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", classpath(), "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.logging.type=slf4j",
                "-Dhazelcast.local.localAddress=127.0.0.1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Surefire may run tests from a manifest-only jar; it names the real classpath in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Closes the child's input (the member stops by itself), then gives it 10 s before killing it. */
    private static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone.
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
