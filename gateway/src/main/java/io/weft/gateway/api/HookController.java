package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.service.HookService;
import io.weft.gateway.wire.DeliveryView;
import io.weft.gateway.wire.HookRequest;
import io.weft.gateway.wire.HookView;
import java.util.List;

/**
 * Webhooks: register, list, read and delete hooks, read their deliveries with every attempt, and send a
 * settled delivery again.
 */
@Controller("/v1/hooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "hooks")
public class HookController {

    private final HookService hooks;

    public HookController(HookService hooks) {
        this.hooks = hooks;
    }

    @Post
    public HttpResponse<HookView> create(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                         @Body @Nullable HookRequest request) {
        return HttpResponse.status(HttpStatus.CREATED).body(hooks.create(caller, request));
    }

    @Get
    public List<HookView> list(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return hooks.list(caller);
    }

    @Get("/{id}")
    public HookView get(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        return hooks.get(caller, id);
    }

    @Get("/{id}/deliveries")
    public List<DeliveryView> deliveries(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                         String id) {
        return hooks.deliveries(caller, id);
    }

    /**
     * Sends a DELIVERED or FAILED delivery of the hook again, as a new delivery of the same event (its own
     * id, the same body otherwise): 202 with it, PENDING; 409 while the delivery is still being tried.
     */
    @Post("/{id}/deliveries/{deliveryId}/redeliver")
    public HttpResponse<DeliveryView> redeliver(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                                String id, String deliveryId) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(hooks.redeliver(caller, id, deliveryId));
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        hooks.delete(caller, id);
        return HttpResponse.noContent();
    }
}
