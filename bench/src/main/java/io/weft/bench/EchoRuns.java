package io.weft.bench;

/**
 * Echo's figures over {@link BenchMain#REPEATS} runs of {@code tasks} tasks, printed under {@code name}:
 * throughput submit → SUCCEEDED, each run's created → SUCCEEDED median and the JVM's CPU per task.
 */
record EchoRuns(String name, int tasks, Stats throughput, Stats p50Millis, Stats cpuMicrosPerTask) {
}
