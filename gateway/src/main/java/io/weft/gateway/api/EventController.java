package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.service.EventService;
import org.reactivestreams.Publisher;

/**
 * A session's task events as Server-Sent Events, resumable with {@code Last-Event-ID}, and its tasks'
 * log lines as events named {@code log}. The stream opens at once with the comment {@code : connected}.
 */
@Controller("/v1/sessions")
@Tag(name = "events")
public class EventController {

    /**
     * Sent first, at once. Micronaut writes a stream's headers with its first item, so without it a
     * client on a quiet session would see nothing, not even the 200 (a browser's EventSource would
     * never fire open), until a task changed. A comment with no data dispatches no event.
     */
    static final Event<String> CONNECTED = Event.of("").comment("connected");

    private final EventService events;

    public EventController(EventService events) {
        this.events = events;
    }

    @Get(value = "/{sid}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<?>> events(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                              String sid, @Header("Last-Event-ID") @Nullable String lastEventId) {
        return events.streamWithLogs(caller, sid, lastEventId).startWith(CONNECTED);
    }
}
