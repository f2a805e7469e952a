package io.weft.model.grid;

import static io.weft.model.task.TaskFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import org.junit.jupiter.api.Test;

class CompleteResultTest {

    private static ResultMeta aCreatedResult() {
        return ResultMeta.created("r-1", "s-1", "out.bin", null, "t-1", T0, T0.plusSeconds(3600));
    }

    @Test
    void createdResultIsCompletedWithItsSizeAndDigest() {
        RecordingEntry<ResultMeta> entry = new RecordingEntry<>("r-1", aCreatedResult());

        ResultMeta done = new CompleteResult(10, "ab12", 1).process(entry);

        assertThat(done.status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(done.size()).isEqualTo(10);
        assertThat(done.sha256()).isEqualTo("ab12");
        assertThat(done.chunkCount()).isEqualTo(1);
        assertThat(entry.getValue()).isEqualTo(done);
    }

    @Test
    void abortedOrCompletedResultIsNotCompletedAgain() {
        for (ResultMeta finished : new ResultMeta[] {aCreatedResult().abort(), aCreatedResult().complete(1, "x", 1)}) {
            RecordingEntry<ResultMeta> entry = new RecordingEntry<>("r-1", finished);

            assertThat(new CompleteResult(99, "y", 2).process(entry)).as("%s", finished.status()).isNull();
            assertThat(entry.getValue()).isSameAs(finished);
            assertThat(entry.written()).isFalse();
        }
    }
}
