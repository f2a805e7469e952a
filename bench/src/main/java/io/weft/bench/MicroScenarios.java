package io.weft.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The JMH benchmarks of {@code io.weft.bench.micro}: one line per benchmark, the median and spread of
 * its measured iterations. The full mode forks a JVM per benchmark (JMH's default: each is compiled on
 * its own); the short mode runs them in this JVM for a tenth of a second each, so that they cannot
 * rot, and its figures mean nothing.
 */
final class MicroScenarios {

    private final PrintStream out;

    MicroScenarios(PrintStream out) {
        this.out = out;
    }

    void run(boolean quick) throws RunnerException {
        TimeValue time = TimeValue.milliseconds(quick ? 100 : 1_000);
        Options options = new OptionsBuilder()
                .include("io\\.weft\\.bench\\.micro\\..*")
                .warmupIterations(quick ? 1 : 3).warmupTime(time)
                .measurementIterations(quick ? BenchMain.REPEATS : 5).measurementTime(time)
                .forks(quick ? 0 : 1)
                .jvmArgsAppend("-Xmx1g", "-Dhazelcast.logging.type=slf4j", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                        "-Dhazelcast.local.localAddress=127.0.0.1", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED")
                .build();
        Runner runner = new Runner(options, OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT));
        for (RunResult result : runner.run()) {
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            out.printf("micro            %s: %s %s, %d iterations of %s%n", name, Stats.of(scores).format("%,.0f"),
                    result.getPrimaryResult().getScoreUnit(), scores.size(),
                    quick ? "0.1 s in this JVM" : "1 s in a JVM of its own");
        }
    }
}
