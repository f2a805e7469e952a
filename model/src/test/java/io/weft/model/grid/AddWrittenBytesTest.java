package io.weft.model.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checking the room under a session's quota and taking it are one step on its written total. */
class AddWrittenBytesTest {

    @Test
    void bytesThatFitUnderTheLimitAreAdded() {
        RecordingEntry<Long> total = new RecordingEntry<>("s-1", 90L);

        assertThat(new AddWrittenBytes(10, 100).process(total)).isTrue();
        assertThat(total.getValue()).isEqualTo(100L);
    }

    @Test
    void bytesThatWouldPassTheLimitAreNotAddedAndNothingIsWritten() {
        RecordingEntry<Long> total = new RecordingEntry<>("s-1", 95L);

        assertThat(new AddWrittenBytes(10, 100).process(total)).isFalse();
        assertThat(total.getValue()).isEqualTo(95L);
        assertThat(total.written()).isFalse();
    }

    @Test
    void firstResultOfASessionStartsItsTotalAndAlwaysAddsWhateverItComesTo() {
        RecordingEntry<Long> total = new RecordingEntry<>("s-1", null);

        assertThat(new AddWrittenBytes(10, 100).process(total)).isTrue();
        assertThat(AddWrittenBytes.always(1_000).process(total)).isTrue();
        assertThat(total.getValue()).isEqualTo(1_010L);
    }
}
