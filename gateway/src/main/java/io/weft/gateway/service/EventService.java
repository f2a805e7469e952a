package io.weft.gateway.service;

import io.micronaut.http.sse.Event;
import io.weft.client.Events;
import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.wire.EventView;
import io.weft.gateway.wire.LogEventView;
import io.weft.model.InvalidValueException;
import io.weft.model.task.StatusChange;
import io.weft.model.task.Task;
import io.weft.model.task.TaskEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * A session's task events as Server-Sent Events, each with id {@code taskId:sequence}. A client that
 * reconnects with {@code Last-Event-ID} first gets every change recorded since that event (read back
 * from the tasks' histories, so nothing is missed while the tasks are kept; a change may come twice),
 * then the live stream.
 */
@Singleton
@GridBudget
public class EventService {

    /** Events a slow client may fall behind by before its stream is ended. */
    public static final int MAX_BUFFERED = 10_000;

    private final WeftClient weft;
    private final SessionService sessions;
    private final CallbackExecutor callbacks;

    public EventService(WeftClient weft, SessionService sessions, CallbackExecutor callbacks) {
        this.weft = weft;
        this.sessions = sessions;
        this.callbacks = callbacks;
    }

    public Flux<Event<EventView>> stream(Caller caller, String sessionId, String lastEventId) {
        sessions.require(caller, sessionId);
        Resume resume = lastEventId == null || lastEventId.isBlank() ? null : resumePoint(lastEventId);
        return Flux.<Event<EventView>>create(sink -> {
            Forwarder forwarder = new Forwarder(sink, resume != null);
            Events.Subscription subscription = weft.events().subscribe(sessionId, forwarder::live);
            sink.onDispose(subscription::close);
            if (resume != null) {
                callbacks.execute(() -> forwarder.replayed(history(sessionId, resume)));
            }
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(MAX_BUFFERED);
    }

    /**
     * The session's task events as {@link #stream}, and the log lines its tasks' handlers write as
     * events named {@code log}. Log events carry no id: a reconnect resumes the status changes, and
     * the lines written meanwhile are read with {@code GET /v1/tasks/{tid}/logs}.
     */
    public Flux<Event<?>> streamWithLogs(Caller caller, String sessionId, String lastEventId) {
        Flux<Event<?>> changes = stream(caller, sessionId, lastEventId).map(e -> e);
        Flux<Event<?>> logs = Flux.<Event<?>>create(sink -> {
            Events.Subscription subscription = weft.logs().subscribe(sessionId, batch -> batch.lines().forEach(line ->
                    sink.next(Event.of(new LogEventView(batch.sessionId(), batch.taskId(), line.sequence(), line.at(),
                            line.attempt(), line.text())).name("log"))));
            sink.onDispose(subscription::close);
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(MAX_BUFFERED);
        return Flux.merge(changes, logs);
    }

    private Resume resumePoint(String lastEventId) {
        int colon = lastEventId.lastIndexOf(':');
        try {
            String taskId = lastEventId.substring(0, colon);
            int sequence = Integer.parseInt(lastEventId.substring(colon + 1));
            Task task = weft.tasks().get(taskId).orElse(null);
            Instant since = task == null || sequence >= task.history().size() ? Instant.EPOCH : task.history().get(sequence).at();
            return new Resume(taskId, sequence, since);
        } catch (RuntimeException e) {
            throw new InvalidValueException("Last-Event-ID", "must read taskId:sequence, got '" + lastEventId + "'");
        }
    }

    /** Every change of the session's tasks at or after the resume point, oldest first. */
    private List<TaskEvent> history(String sessionId, Resume resume) {
        List<TaskEvent> events = new ArrayList<>();
        for (Task task : weft.tasks().changedSince(sessionId, resume.since())) {
            List<StatusChange> changes = task.history();
            for (int i = 0; i < changes.size(); i++) {
                boolean seen = task.id().equals(resume.taskId()) && i <= resume.sequence();
                if (!seen && !changes.get(i).at().isBefore(resume.since())) {
                    events.add(TaskEvent.of(task, i));
                }
            }
        }
        events.sort(Comparator.comparing(TaskEvent::time).thenComparing(TaskEvent::taskId).thenComparing(TaskEvent::sequence));
        return events;
    }

    static Event<EventView> sse(TaskEvent e) {
        EventView view = EventView.of(e);
        return Event.of(view).id(view.eventId()).name(view.to());
    }

    private record Resume(String taskId, int sequence, Instant since) {
    }

    /** Holds live events back while a replay is being sent, then drops the ones the replay held. */
    private static final class Forwarder {
        private final FluxSink<Event<EventView>> sink;
        private final List<TaskEvent> pending = new ArrayList<>();
        private boolean replaying;

        Forwarder(FluxSink<Event<EventView>> sink, boolean replaying) {
            this.sink = sink;
            this.replaying = replaying;
        }

        synchronized void live(TaskEvent e) {
            if (replaying) {
                pending.add(e);
            } else {
                sink.next(sse(e));
            }
        }

        synchronized void replayed(List<TaskEvent> history) {
            Set<String> sent = new HashSet<>();
            for (TaskEvent e : history) {
                sink.next(sse(e));
                sent.add(e.taskId() + ":" + e.sequence());
            }
            for (TaskEvent e : pending) {
                if (!sent.contains(e.taskId() + ":" + e.sequence())) {
                    sink.next(sse(e));
                }
            }
            pending.clear();
            replaying = false;
        }
    }
}
