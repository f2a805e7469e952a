package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.KeyRecord;
import io.weft.gateway.auth.KeyService;
import io.weft.gateway.edge.RequiredBody;
import io.weft.gateway.wire.KeyRequest;
import io.weft.gateway.wire.KeyView;
import java.net.URI;
import java.util.List;

/** API keys (admin scope): create (the secret is shown this once), list, revoke. */
@Controller("/v1/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "keys")
public class KeyController {

    private final KeyService keys;

    public KeyController(KeyService keys) {
        this.keys = keys;
    }

    @Post
    public HttpResponse<KeyView> create(@Body @Nullable KeyRequest request) {
        RequiredBody.of(request, "{\"name\": …, \"scopes\": […]}");
        KeyService.Created created = keys.create(request.name(), request.scopes());
        KeyView view = view(created.key(), created.secret());
        return HttpResponse.created(view, URI.create("/v1/keys/" + view.id()));
    }

    @Get
    public List<KeyView> list() {
        return keys.list().stream().map(k -> view(k, null)).toList();
    }

    @Delete("/{kid}")
    public HttpResponse<Void> revoke(String kid) {
        keys.revoke(kid);
        return HttpResponse.noContent();
    }

    private static KeyView view(KeyRecord key, String secret) {
        return new KeyView(key.id(), key.name(), key.scopes(), key.createdAt(), secret);
    }
}
