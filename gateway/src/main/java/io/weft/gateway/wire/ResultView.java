package io.weft.gateway.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.weft.model.result.ResultMeta;
import java.time.Instant;

/** A result's metadata. */
@Serdeable
public record ResultView(String id, String sessionId, String name, String contentType, String status,
                         @Nullable String ownerTaskId, long size, @Nullable String sha256, Instant createdAt,
                         Instant expiresAt) {

    public static ResultView of(ResultMeta meta) {
        return new ResultView(meta.id(), meta.sessionId(), meta.name(), meta.contentType(), meta.status().name(),
                meta.ownerTaskId(), meta.size(), meta.sha256(), meta.createdAt(), meta.expiresAt());
    }
}
