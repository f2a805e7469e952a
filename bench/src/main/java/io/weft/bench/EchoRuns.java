package io.weft.bench;

/**
 * Echo's figures over {@link BenchMain#REPEATS} runs of {@code tasks} tasks, printed under {@code name}:
 * throughput submit → SUCCEEDED and each run's created → SUCCEEDED median.
 */
record EchoRuns(String name, int tasks, Stats throughput, Stats p50Millis) {
}
