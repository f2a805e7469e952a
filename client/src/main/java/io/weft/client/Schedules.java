package io.weft.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.Checks;
import io.weft.model.Ids;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.ChangeScheduleState;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.MemberDirectory;
import io.weft.model.grid.PublishedSetting;
import io.weft.model.schedule.Schedule;
import io.weft.model.schedule.ScheduleSpec;
import io.weft.model.schedule.ScheduleState;
import io.weft.model.session.Session;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Schedules: a task template fired into a session on a cron expression or at a fixed interval. The
 * nodes fire them (one member at a time holds the duty); each tick makes exactly one task, whose
 * idempotency key is {@code schedule:<id>:<tick epoch millis>}, so it can be found again.
 */
public final class Schedules {

    private final HazelcastInstance hazelcast;
    private final IMap<String, Schedule> schedules;
    private final Sessions sessions;
    private final MemberDirectory directory;
    private final Clock clock;

    Schedules(HazelcastInstance hazelcast, Sessions sessions, MemberDirectory directory, Clock clock) {
        this.hazelcast = hazelcast;
        this.schedules = hazelcast.getMap(GridNames.SCHEDULES);
        this.sessions = sessions;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Stores a new, active schedule whose first tick is the first after now. Its session must exist
     * and take tasks, some node must serve its task's type, and it must fire no more often than the
     * nodes allow ({@code WEFT_SCHEDULE_MIN_INTERVAL}, as they published it); otherwise nothing is stored.
     */
    public Schedule create(ScheduleSpec spec) {
        Checks.notNull("schedule", spec);
        PublishedSetting.SCHEDULE_LIMITS.read(hazelcast).check(spec, clock.instant());
        Session session = sessions.require(spec.sessionId());
        if (!session.state().acceptsTasks()) {
            throw new IllegalStateException("session " + session.id() + " is " + session.state() + " and takes no new tasks");
        }
        String type = spec.task().type();
        if (!directory.servedTypes().contains(type)) {
            directory.reload();
            if (!directory.servedTypes().contains(type)) {
                throw new InvalidValueException("task.type", "names task type '" + type + "', which no node serves; known types: "
                        + directory.servedTypes());
            }
        }
        Schedule schedule = Schedule.create(Ids.newScheduleId(), spec, clock.instant());
        schedules.set(schedule.id(), schedule);
        return schedule;
    }

    public Optional<Schedule> get(String scheduleId) {
        Checks.id("scheduleId", scheduleId);
        return Optional.ofNullable(schedules.get(scheduleId));
    }

    /** The schedule, or {@link NoSuchElementException} naming it. */
    public Schedule require(String scheduleId) {
        return get(scheduleId).orElseThrow(() -> new NoSuchElementException("no schedule " + scheduleId));
    }

    /** The schedules of a session, or of every session if {@code sessionId} is null; oldest first. */
    public List<Schedule> list(String sessionId) {
        List<Schedule> found = sessionId == null ? List.copyOf(schedules.values())
                : List.copyOf(schedules.values(Predicates.equal("sessionId", Checks.id("sessionId", sessionId))));
        return found.stream().sorted(Comparator.comparing(Schedule::createdAt).thenComparing(Schedule::id)).toList();
    }

    /** Stops firing it; the ticks until it is resumed are never fired. */
    public Schedule pause(String scheduleId) {
        return change(scheduleId, new ChangeScheduleState(ScheduleState.PAUSED, "paused by a user", clock.millis()));
    }

    /** Fires it again from the first tick after now, with its count of failures in a row reset. */
    public Schedule resume(String scheduleId) {
        return change(scheduleId, new ChangeScheduleState(ScheduleState.ACTIVE, null, clock.millis()));
    }

    /** Deletes it; the tasks it fired stay. Returns whether it existed. */
    public boolean delete(String scheduleId) {
        Checks.id("scheduleId", scheduleId);
        return schedules.remove(scheduleId) != null;
    }

    private Schedule change(String scheduleId, ChangeScheduleState change) {
        Checks.id("scheduleId", scheduleId);
        Schedule after = schedules.executeOnKey(scheduleId, change);
        if (after == null) {
            throw new NoSuchElementException("no schedule " + scheduleId);
        }
        return after;
    }
}
