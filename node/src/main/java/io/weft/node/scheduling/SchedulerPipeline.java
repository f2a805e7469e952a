package io.weft.node.scheduling;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sink;
import com.hazelcast.jet.pipeline.SinkBuilder;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.map.EventJournalMapEvent;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.execution.Dispatcher;
import io.weft.node.execution.DueTask;

/**
 * The scheduler job's pipeline: task changes from the tasks map's journal, through the due-time
 * stage, into the dispatcher of the member that read them. The journal source reads the partitions
 * each member owns and the edges are local, so a task is dispatched on the member that owns it.
 */
public final class SchedulerPipeline {

    private SchedulerPipeline() {
    }

    /** The pipeline over any source of due tasks and any sink (tests feed their own). */
    public static Pipeline build(StreamSource<DueTask> changes, Sink<DueTask> dispatch) {
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(changes)
                .withoutTimestamps()
                .<DueTask>customTransform("due-time", DueTimeProcessor::new)
                .setLocalParallelism(1)
                .writeTo(dispatch);
        return pipeline;
    }

    /** The production pipeline: the tasks journal in, the local dispatcher out. */
    public static Pipeline build() {
        return build(taskJournal(), localDispatcher());
    }

    /** Changes that made a task QUEUED or SCHEDULED, from now on (the sweep covers what came before). */
    public static StreamSource<DueTask> taskJournal() {
        return Sources.<DueTask, String, Task>mapJournal(GridNames.TASKS, JournalInitialPosition.START_FROM_CURRENT,
                SchedulerPipeline::toDueTask, SchedulerPipeline::becameDueOrDelayed);
    }

    public static Sink<DueTask> localDispatcher() {
        return SinkBuilder.sinkBuilder("dispatch", ctx -> WeftNode.of(ctx.hazelcastInstance()).dispatcher())
                .<DueTask>receiveFn(Dispatcher::accept)
                .build();
    }

    /**
     * Every change of a task changes its status, so the new value alone tells whether it became due or
     * delayed. (The old value is not read: this runs on the partition thread for every change.) A task
     * inserted QUEUED is left out: the member that inserted it took it at once
     * ({@code Dispatcher.acceptNew}); read again here it would often come after the task had run, and
     * cost a claim that finds nothing to run.
     */
    static boolean becameDueOrDelayed(EventJournalMapEvent<String, Task> event) {
        Task task = event.getNewValue();
        if (task == null) {
            return false;
        }
        return task.status() == TaskStatus.SCHEDULED
                || (task.status() == TaskStatus.QUEUED && event.getType() != EntryEventType.ADDED);
    }

    static DueTask toDueTask(EventJournalMapEvent<String, Task> event) {
        return DueTask.of(event.getNewValue());
    }
}
