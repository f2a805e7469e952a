package io.weft.gateway.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.config.WeftProperties;
import io.weft.gateway.service.Backpressure;
import io.weft.gateway.service.TypeCatalog;
import io.weft.gateway.wire.ClusterView;
import io.weft.model.task.TaskStatus;
import io.weft.node.config.NodeSettings;

/** The members, the task types each serves with its slots, and the cluster's load. */
@Controller("/v1/cluster")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cluster")
public class ClusterController {

    private final TypeCatalog catalog;
    private final Backpressure load;
    private final String clusterName;

    public ClusterController(TypeCatalog catalog, Backpressure load, WeftProperties properties) {
        this.catalog = catalog;
        this.load = load;
        this.clusterName = properties.clusterName() == null ? NodeSettings.DEFAULT_CLUSTER_NAME : properties.clusterName();
    }

    @Get
    public ClusterView cluster() {
        return new ClusterView(clusterName, catalog.members().stream()
                .map(m -> new ClusterView.MemberView(m.memberId(), m.address(), m.version(), m.startedAt(),
                        m.served().stream().map(s -> new ClusterView.Served(s.type().name(), s.slots())).toList()))
                .toList(), load.count(TaskStatus.QUEUED), load.count(TaskStatus.RUNNING));
    }
}
