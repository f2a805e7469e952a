package io.weft.client.large;

import com.hazelcast.client.config.ClientConfig;
import io.weft.client.WeftClient;
import io.weft.model.Json;
import io.weft.model.result.ResultMeta;
import io.weft.model.task.Task;
import io.weft.model.task.TaskSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A Java client in a small JVM (the test gives it {@code -Xmx200m}) that uploads {@code bytes} made on
 * the fly, downloads them back, and has the {@code checksum} handler read them on the node. {@code args}:
 * cluster name, member address, bytes, the properties file to write what it saw into.
 */
public final class LargeResultClient {

    static final long SEED = 20240301L;

    private LargeResultClient() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        String cluster = args[0];
        String address = args[1];
        long bytes = Long.parseLong(args[2]);
        Path report = Path.of(args[3]);
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster);
        config.getNetworkConfig().addAddress(address);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(60_000);
        Properties seen = new Properties();
        try (WeftClient weft = WeftClient.connect(config)) {
            String session = weft.sessions().create("large", Map.of()).id();
            ResultMeta created = weft.results().create(session, "large.bin", "application/octet-stream", Duration.ofHours(1));

            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            ResultMeta completed = weft.results().upload(created.id(), new DigestInputStream(new GeneratedBytes(bytes, SEED), sent));
            seen.setProperty("uploadMillis", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            seen.setProperty("sentSha256", HexFormat.of().formatHex(sent.digest()));
            seen.setProperty("completedSha256", completed.sha256());
            seen.setProperty("completedSize", String.valueOf(completed.size()));

            MessageDigest received = MessageDigest.getInstance("SHA-256");
            start = System.nanoTime();
            long size;
            try (InputStream in = new DigestInputStream(weft.results().openDownload(created.id()), received)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            seen.setProperty("downloadMillis", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            seen.setProperty("downloadSha256", HexFormat.of().formatHex(received.digest()));
            seen.setProperty("downloadSize", String.valueOf(size));

            start = System.nanoTime();
            Task task = weft.tasks().submit(session, TaskSpec.of("checksum", "{\"result\":\"" + created.id() + "\"}"));
            Task done = weft.tasks().await(task.id()).get(10, TimeUnit.MINUTES);
            seen.setProperty("taskMillis", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            seen.setProperty("taskStatus", done.status().name());
            seen.setProperty("taskWorker", String.valueOf(done.worker()));
            seen.setProperty("taskError", String.valueOf(done.error()));
            if (done.output() != null) {
                seen.setProperty("taskSha256", Json.parse(done.output()).path("sha256").asText());
                seen.setProperty("taskSize", Json.parse(done.output()).path("size").asText());
            }
        }
        seen.setProperty("maxHeapBytes", String.valueOf(Runtime.getRuntime().maxMemory()));
        try (OutputStream out = Files.newOutputStream(report)) {
            seen.store(out, "what the large-result client saw");
        }
    }
}
