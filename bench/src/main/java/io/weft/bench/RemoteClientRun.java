package io.weft.bench;

import com.hazelcast.client.config.ClientConfig;
import io.weft.client.WeftClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The echo throughput scenario from a JVM of its own, through a Hazelcast client (smart routing),
 * as a Java program using Weft would. {@code args}: cluster name, member address, tasks per run,
 * {@code short} or {@code full}. Prints one line {@code RESULT median min max} (tasks/s) for the
 * benchmark that started it, and exits 1 if a task did not succeed.
 */
public final class RemoteClientRun {

    private RemoteClientRun() {
    }

    public static void main(String[] args) throws Exception {
        ClientConfig config = new ClientConfig();
        config.setClusterName(args[0]);
        config.getNetworkConfig().addAddress(args[1]);
        int tasks = Integer.parseInt(args[2]);
        boolean quick = args[3].equals("short");
        PrintStream out = System.out;
        long failures;
        List<Double> runs = new ArrayList<>();
        try (WeftClient client = WeftClient.connect(config)) {
            BenchMain bench = new BenchMain(quick, out);
            failures = bench.echoThroughput(client, Math.max(1_000, tasks / 10), new ArrayList<>());
            for (int i = 0; i < BenchMain.REPEATS; i++) {
                failures += bench.echoThroughput(client, tasks, runs);
            }
        }
        Stats stats = Stats.of(runs);
        out.printf("RESULT %.0f %.0f %.0f%n", stats.median(), stats.min(), stats.max());
        out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }
}
