package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.service.SessionService;
import io.weft.gateway.wire.Page;
import io.weft.gateway.wire.SessionRequest;
import io.weft.gateway.wire.SessionView;
import java.net.URI;

/** Sessions: create, list, read, and their lifecycle. */
@Controller("/v1/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sessions")
public class SessionController {

    private final SessionService sessions;

    public SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @Post
    public HttpResponse<SessionView> create(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                            @Body @Nullable SessionRequest request) {
        SessionView created = sessions.create(caller, request);
        return HttpResponse.created(created, URI.create("/v1/sessions/" + created.id()));
    }

    @Get
    public Page<SessionView> list(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                  @QueryValue @Nullable String state, @QueryValue @Nullable String cursor,
                                  @QueryValue @Nullable Integer limit) {
        return sessions.list(caller, state, cursor, limit);
    }

    @Get("/{sid}")
    public SessionView get(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String sid) {
        return sessions.get(caller, sid);
    }

    @Post("/{sid}/close")
    public SessionView close(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String sid) {
        return sessions.close(caller, sid);
    }

    @Post("/{sid}/cancel")
    public SessionView cancel(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String sid) {
        return sessions.cancel(caller, sid);
    }

    /** Nothing new starts until resumed; running tasks finish. 409 unless OPEN. */
    @Post("/{sid}/pause")
    public SessionView pause(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String sid) {
        return sessions.pause(caller, sid);
    }

    /** 409 unless PAUSED. */
    @Post("/{sid}/resume")
    public SessionView resume(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String sid) {
        return sessions.resume(caller, sid);
    }

    /** Purges: cancels what is unfinished, then deletes the session's tasks, results and the session. */
    @Delete("/{sid}")
    public HttpResponse<Void> purge(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String sid) {
        sessions.purge(caller, sid);
        return HttpResponse.noContent();
    }
}
