package io.weft.node.scheduling;

import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sink;
import com.hazelcast.jet.pipeline.SinkBuilder;
import com.hazelcast.jet.pipeline.StreamSource;
import io.weft.node.WeftNode;
import io.weft.node.execution.Dispatcher;
import io.weft.node.execution.DueTask;

/**
 * The scheduler job's pipeline: the tasks that became due or delayed on each member
 * ({@link DueSignals}), through the due-time stage, into the dispatcher of the same member. The source
 * on each member emits only its own partitions' tasks and the edges are local, so a task is
 * dispatched on the member that owns it.
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

    /** The production pipeline: each member's due signals in, its dispatcher out. */
    public static Pipeline build() {
        return build(DueSignalSource.create(), localDispatcher());
    }

    public static Sink<DueTask> localDispatcher() {
        return SinkBuilder.sinkBuilder("dispatch", ctx -> WeftNode.of(ctx.hazelcastInstance()).dispatcher())
                .<DueTask>receiveFn(Dispatcher::accept)
                .build();
    }
}
