package io.weft.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The PostgreSQL peer: db-scheduler 16 with lock-and-fetch polling and 64 threads, on a database of
 * its own on the same server as Weft's store scenarios, running the same no-op work: as many one-time
 * executions as Weft ran tasks, scheduled in batches of {@value #BATCH} for now, timed from the first
 * batch to the last execution.
 */
final class DbSchedulerPeer {

    static final int THREADS = 64;
    static final int BATCH = 1_000;

    private DbSchedulerPeer() {
    }

    /** Executions per second of one run. */
    static double run(DataSource dataSource, int executions) throws Exception {
        createTable(dataSource);
        CountDownLatch done = new CountDownLatch(executions);
        OneTimeTask<Void> echo = Tasks.oneTime("echo").execute((instance, context) -> done.countDown());
        Scheduler scheduler = Scheduler.create(dataSource, echo).threads(THREADS)
                .pollUsingLockAndFetch(0.5, 3.0).pollingInterval(Duration.ofMillis(100)).build();
        scheduler.start();
        try {
            long start = System.nanoTime();
            for (int from = 0; from < executions; from += BATCH) {
                List<TaskInstance<?>> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(executions, from + BATCH); i++) {
                    batch.add(echo.instance("e-" + i));
                }
                scheduler.scheduleBatch(batch, Instant.now());
            }
            if (!done.await(20, TimeUnit.MINUTES)) {
                throw new IllegalStateException("db-scheduler did not run " + executions + " executions in 20 minutes");
            }
            return executions / ((System.nanoTime() - start) / 1e9);
        } finally {
            scheduler.stop();
        }
    }

    /** The table db-scheduler's PostgreSQL support expects (its documented schema), empty. */
    private static void createTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS scheduled_tasks");
            statement.execute("CREATE TABLE scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL,"
                    + " task_data bytea, execution_time timestamptz, picked boolean NOT NULL, picked_by text,"
                    + " last_success timestamptz, last_failure timestamptz, consecutive_failures int,"
                    + " last_heartbeat timestamptz, version bigint NOT NULL, priority smallint, state text,"
                    + " PRIMARY KEY (task_name, task_instance))");
            statement.execute("CREATE INDEX ON scheduled_tasks (execution_time)");
            statement.execute("CREATE INDEX ON scheduled_tasks (last_heartbeat)");
            statement.execute("CREATE INDEX ON scheduled_tasks (priority DESC, execution_time ASC)");
        }
    }
}
