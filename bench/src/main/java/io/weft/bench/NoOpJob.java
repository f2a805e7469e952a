package io.weft.bench;

/** The JobRunr peer's job: a static no-op, the counterpart of an {@code echo} task. Public because JobRunr loads it by name. */
public final class NoOpJob {

    private NoOpJob() {
    }

    public static void run(int i) {
        // Nothing: the benchmark measures the job system, not the job.
    }
}
