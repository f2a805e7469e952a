package io.weft.gateway.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.client.ClusterAdmin;
import io.weft.client.WeftClient;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.config.WeftProperties;
import io.weft.gateway.service.Backpressure;
import io.weft.gateway.service.ClusterHealth;
import io.weft.gateway.service.TypeCatalog;
import io.weft.gateway.wire.ClusterView;
import io.weft.model.task.TaskStatus;
import io.weft.node.config.NodeSettings;

/**
 * The members, the task types each serves with its slots, their load and state, and the cluster's
 * load; and an operator's changes to one member (the key filter lets only the admin scope POST here).
 * An unknown member, or a type the member has no handler for, is 404.
 */
@Controller("/v1/cluster")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cluster")
@GridBudget
public class ClusterController {

    private final TypeCatalog catalog;
    private final Backpressure load;
    private final ClusterAdmin admin;
    private final String clusterName;
    private final ClusterHealth health;

    public ClusterController(TypeCatalog catalog, Backpressure load, WeftClient weft, WeftProperties properties,
                             ClusterHealth health) {
        this.health = health;
        this.catalog = catalog;
        this.load = load;
        this.admin = weft.cluster();
        this.clusterName = properties.clusterName() == null ? NodeSettings.DEFAULT_CLUSTER_NAME : properties.clusterName();
    }

    @Get
    public ClusterView cluster() {
        return new ClusterView(clusterName, catalog.members().stream().map(ClusterView.MemberView::of).toList(),
                load.count(TaskStatus.QUEUED), load.count(TaskStatus.RUNNING), health.view());
    }

    /** The member stops taking tasks, finishes what runs, then reports DRAINED. */
    @Post("/members/{id}/drain")
    public ClusterView.MemberView drain(String id) {
        return ClusterView.MemberView.of(admin.drain(id));
    }

    /** A drained member takes tasks again. */
    @Post("/members/{id}/undrain")
    public ClusterView.MemberView undrain(String id) {
        return ClusterView.MemberView.of(admin.undrain(id));
    }

    @Post("/members/{id}/types/{type}/disable")
    public ClusterView.MemberView disable(String id, String type) {
        return ClusterView.MemberView.of(admin.disableType(id, type));
    }

    @Post("/members/{id}/types/{type}/enable")
    public ClusterView.MemberView enable(String id, String type) {
        return ClusterView.MemberView.of(admin.enableType(id, type));
    }
}
