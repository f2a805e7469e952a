package io.weft.model.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoveChunkTest {

    @Test
    void presentChunkIsRemovedAndCounted() {
        RecordingEntry<byte[]> entry = new RecordingEntry<>("r-1#0", new byte[] {1, 2});

        assertThat(new RemoveChunk().process(entry)).isTrue();
        assertThat(entry.getValue()).isNull();
        assertThat(entry.written()).isTrue();
    }

    @Test
    void missingChunkIsNotCountedAndNothingIsWritten() {
        RecordingEntry<byte[]> entry = new RecordingEntry<>("r-1#7", null);

        assertThat(new RemoveChunk().process(entry)).isNull();
        assertThat(entry.written()).isFalse();
    }
}
