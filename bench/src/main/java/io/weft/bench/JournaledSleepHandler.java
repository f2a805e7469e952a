package io.weft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import io.weft.node.handler.builtin.SleepHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code journaled-sleep}: {@code sleep}, after writing the attempt's start to a file outside the grid
 * (the path in {@value #JOURNAL_ENV}; nothing written without it). The fail-over benchmark reads the
 * journal of the member it killed to learn every attempt that was running there, including those too
 * young for the grid to know of (a start is written 50 ms in, or with the outcome). One write system
 * call per start, no buffer in this JVM, so a line written before a SIGKILL is in the file after it.
 */
public final class JournaledSleepHandler implements TaskHandler {

    static final String TYPE = "journaled-sleep";
    static final String JOURNAL_ENV = "BENCH_START_JOURNAL";

    private static final SleepHandler SLEEP = new SleepHandler();
    private static final TaskType TASK_TYPE = TaskType.of(TYPE, "Sleeps for ms milliseconds, its start journaled (benchmark).",
            SLEEP.type().inputSchema(), SLEEP.type().outputSchema());

    private final FileChannel journal;

    public JournaledSleepHandler() {
        String path = System.getenv(JOURNAL_ENV);
        try {
            this.journal = path == null ? null : FileChannel.open(Path.of(path), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the start journal " + path, e);
        }
    }

    @Override
    public TaskType type() {
        return TASK_TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        if (journal != null) {
            String line = context.taskId() + " " + System.currentTimeMillis() + "\n";
            journal.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        }
        return SLEEP.handle(context);
    }
}
