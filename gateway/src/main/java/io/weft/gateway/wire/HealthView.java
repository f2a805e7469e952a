package io.weft.gateway.wire;

import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /health}: UP when the cluster is reachable. */
@Serdeable
public record HealthView(String status, boolean live, boolean ready, String mode) {
}
