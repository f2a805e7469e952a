package io.weft.gateway.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.embedded.Grid;
import io.weft.gateway.service.ClusterHealth;
import io.weft.gateway.wire.HealthView;

/**
 * Liveness and readiness, without a key: {@code /health} and {@code /health/readiness} are 200 only
 * while the cluster is reachable, the members it reaches have the quorum and every partition has an
 * owner (503 otherwise); {@code /health/liveness} is 200 while the process runs.
 */
@Controller("/health")
@Tag(name = "operations")
public class HealthController {

    private final Grid grid;
    private final ClusterHealth cluster;

    public HealthController(Grid grid, ClusterHealth cluster) {
        this.grid = grid;
        this.cluster = cluster;
    }

    @Get
    public HttpResponse<HealthView> health() {
        return readiness();
    }

    @Get("/readiness")
    public HttpResponse<HealthView> readiness() {
        // Not ready while the members reached lack the quorum (a split) or a partition has no owner.
        boolean ready = cluster.ready();
        return HttpResponse.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(view(ready));
    }

    @Get("/liveness")
    public HealthView liveness() {
        return view(grid.isReady());
    }

    private HealthView view(boolean ready) {
        return new HealthView(ready ? "UP" : "DOWN", true, ready, grid.isEmbedded() ? "embedded" : "client");
    }
}
