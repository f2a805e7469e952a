package io.weft.node.execution;

import io.weft.model.grid.AttemptInterrupter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The attempts running on this node, so a cancel or a timeout can interrupt the right thread. */
public final class RunningAttempts implements AttemptInterrupter {

    private final ConcurrentMap<String, Attempt> byTask = new ConcurrentHashMap<>();

    Attempt start(String taskId, int attempt, Thread thread) {
        Attempt started = new Attempt(taskId, attempt, thread);
        byTask.put(taskId, started);
        return started;
    }

    void finish(Attempt attempt) {
        attempt.finish();
        byTask.remove(attempt.taskId(), attempt);
    }

    @Override
    public boolean interrupt(String taskId, int attempt) {
        Attempt running = byTask.get(taskId);
        if (running == null || running.attempt() != attempt) {
            return false;
        }
        running.stop(Attempt.Stop.CANCELLED);
        return true;
    }

    public int count() {
        return byTask.size();
    }

    public Collection<Attempt> snapshot() {
        return List.copyOf(byTask.values());
    }

    /** Interrupts every running attempt (shutdown past its grace period). */
    public void stopAll() {
        byTask.values().forEach(a -> a.stop(Attempt.Stop.SHUTDOWN));
    }

    /** One running attempt: its thread, and why it was stopped, if it was. */
    public static final class Attempt {

        /** Why an attempt was stopped from outside. */
        enum Stop { NONE, CANCELLED, TIMED_OUT, SHUTDOWN }

        private final String taskId;
        private final int attempt;
        private final Thread thread;
        private volatile Stop stop = Stop.NONE;
        private boolean finished;

        Attempt(String taskId, int attempt, Thread thread) {
            this.taskId = taskId;
            this.attempt = attempt;
            this.thread = thread;
        }

        public String taskId() {
            return taskId;
        }

        public int attempt() {
            return attempt;
        }

        Stop stopReason() {
            return stop;
        }

        /** Stops the attempt once; after it finished, its thread runs other work and is left alone. */
        synchronized void stop(Stop reason) {
            if (stop == Stop.NONE && !finished) {
                stop = reason;
                thread.interrupt();
            }
        }

        private synchronized void finish() {
            finished = true;
        }

        boolean isStopped() {
            return stop != Stop.NONE;
        }
    }
}
