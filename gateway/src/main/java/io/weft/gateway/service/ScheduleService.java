package io.weft.gateway.service;

import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.edge.RequiredBody;
import io.weft.gateway.wire.ScheduleRequest;
import io.weft.gateway.wire.ScheduleView;
import io.weft.model.Checks;
import io.weft.model.schedule.MisfirePolicy;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Schedules over HTTP. A schedule belongs to its session's owner: another non-admin key gets 404 for
 * it, as for the session. Its task is checked like a submitted task (type served, input against the
 * type's schema) before anything is stored.
 */
@Singleton
@GridBudget
public class ScheduleService {

    /** How many next fire times a view shows. */
    public static final int NEXT_FIRE_TIMES = 5;

    private final WeftClient weft;
    private final Ownership ownership;
    private final TaskService tasks;
    private final JsonText json;

    public ScheduleService(WeftClient weft, Ownership ownership, TaskService tasks, JsonText json) {
        this.weft = weft;
        this.ownership = ownership;
        this.tasks = tasks;
        this.json = json;
    }

    public ScheduleView create(Caller caller, ScheduleRequest request) {
        RequiredBody.of(request, "{\"sessionId\": …, \"cron\": … or \"every\": …, \"task\": {\"type\": …, \"input\": …}}");
        Checks.id("sessionId", request.sessionId());
        ownership.check(caller, request.sessionId());
        TaskSpec task = tasks.spec("task", Checks.notNull("task", request.task()));
        MisfirePolicy misfire = request.misfire() == null ? null : MisfirePolicy.parse("misfire", request.misfire());
        ScheduleSpec spec = new ScheduleSpec(request.sessionId(), request.cron(), request.zone(),
                TaskService.duration("every", request.every()), task, misfire, request.maxFailures());
        return view(weft.schedules().create(spec));
    }

    public ScheduleView get(Caller caller, String scheduleId) {
        return view(require(caller, scheduleId));
    }

    /** The caller's schedules (every one for an admin), optionally of one session; oldest first. */
    public List<ScheduleView> list(Caller caller, String sessionId) {
        if (sessionId != null && !sessionId.isEmpty()) {
            Checks.id("sessionId", sessionId);
            ownership.check(caller, sessionId);
            return weft.schedules().list(sessionId).stream().map(this::view).toList();
        }
        Set<String> own = caller.isAdmin() ? null : ownership.sessionsOf(caller);
        return weft.schedules().list(null).stream().filter(s -> own == null || own.contains(s.sessionId()))
                .map(this::view).toList();
    }

    public ScheduleView pause(Caller caller, String scheduleId) {
        require(caller, scheduleId);
        return view(weft.schedules().pause(scheduleId));
    }

    public ScheduleView resume(Caller caller, String scheduleId) {
        require(caller, scheduleId);
        return view(weft.schedules().resume(scheduleId));
    }

    public void delete(Caller caller, String scheduleId) {
        require(caller, scheduleId);
        weft.schedules().delete(scheduleId);
    }

    private Schedule require(Caller caller, String scheduleId) {
        Schedule schedule = weft.schedules().get(scheduleId)
                .orElseThrow(() -> new NoSuchElementException("no schedule " + scheduleId));
        if (!ownership.canSee(caller, schedule.sessionId())) {
            throw new NoSuchElementException("no schedule " + scheduleId);
        }
        return schedule;
    }

    private ScheduleView view(Schedule s) {
        ScheduleSpec spec = s.spec();
        TaskOptions o = spec.task().options();
        ScheduleView.TaskTemplate task = new ScheduleView.TaskTemplate(spec.task().type(), json.tree(spec.task().input()),
                o.priority(), o.maxRetries(), o.timeout().toString(), o.delay() == null ? null : o.delay().toString(), o.labels());
        return new ScheduleView(s.id(), s.sessionId(), s.state().name(), s.reason(), spec.cron(),
                spec.cron() == null ? null : spec.zone(), spec.every() == null ? null : spec.every().toString(), task,
                spec.misfire().wire(), spec.maxFailures(), s.createdAt(), s.nextFireTimes(NEXT_FIRE_TIMES), s.lastFiredAt(),
                s.lastTaskId(), s.fired(), s.failures());
    }
}
