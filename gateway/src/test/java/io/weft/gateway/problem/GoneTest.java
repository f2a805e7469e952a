package io.weft.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.weft.model.cluster.DataLostException;
import io.weft.model.cluster.LostPartition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An id lost with its partition is 410 Gone that says when and with which members, not 404. */
class GoneTest {

    @Test
    void aLostTaskIsGoneWithItsPartitionAndMembers() {
        LostPartition lost = new LostPartition(12, Instant.parse("2026-12-07T10:00:00Z"),
                List.of("[127.0.0.1]:5801 (a)", "[127.0.0.1]:5802 (b)"), List.of("weft.tasks"), 1);
        HttpResponse<Problem> response = new Gone().handle(HttpRequest.GET("/v1/tasks/t-1"),
                new DataLostException("task", "t-1", lost));
        assertThat((Object) response.status()).isEqualTo(HttpStatus.GONE);
        assertThat((CharSequence) response.body().detail()).isEqualTo("task t-1 was lost with partition 12 when members "
                + "[127.0.0.1]:5801 (a) and [127.0.0.1]:5802 (b) failed at 2026-12-07T10:00:00Z");
        assertThat(LostPartition.fromJson(lost.toJson())).isEqualTo(lost);
    }
}
