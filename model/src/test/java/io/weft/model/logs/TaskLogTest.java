package io.weft.model.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskLogTest {

    private static final Instant T0 = Instant.parse("2030-03-01T10:00:00Z");

    private static List<LogLine> lines(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> LogLine.unstored(T0, 1, "line " + i)).toList();
    }

    @Test
    void linesAreNumberedInOrderOfArrival() {
        TaskLog log = TaskLog.empty("t-1", "s-1").append(lines(0, 2), 10).append(lines(2, 1), 10);

        assertThat(log.lines()).extracting(LogLine::sequence).containsExactly(0L, 1L, 2L);
        assertThat(log.lines()).extracting(LogLine::text).containsExactly("line 0", "line 1", "line 2");
    }

    @Test
    void pastTheLimitTheOldestLinesGoAndAreCounted() {
        TaskLog log = TaskLog.empty("t-1", "s-1").append(lines(0, 7), 5).append(lines(7, 3), 5);

        assertThat(log.lines()).extracting(LogLine::text).containsExactly("line 5", "line 6", "line 7", "line 8", "line 9");
        assertThat(log.dropped()).isEqualTo(5);
        assertThat(log.next()).isEqualTo(10);
        assertThat(log.since(8)).extracting(LogLine::sequence).containsExactly(8L, 9L);
        assertThat(log.since(0)).hasSize(5);
    }

    @Test
    void aVeryLongLineIsCut() {
        LogLine line = LogLine.unstored(T0, 1, "x".repeat(LogLine.MAX_CHARS * 2));

        assertThat(line.text()).hasSize(LogLine.MAX_CHARS + 1).endsWith("…");
    }
}
