package io.weft.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used, all threads and the collector included. A run's CPU per task is
 * steadier than its throughput on a shared machine: other processes' load stretches the wall clock
 * far more than the work done, so it is what two builds' A/B runs compare first.
 */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    static long nanos() {
        return OS.getProcessCpuTime();
    }

    /** Microseconds of CPU per task since {@code startNanos}. */
    static double microsPerTask(long startNanos, int tasks) {
        return (nanos() - startNanos) / 1e3 / tasks;
    }
}
