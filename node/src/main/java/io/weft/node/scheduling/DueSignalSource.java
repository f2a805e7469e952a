package io.weft.node.scheduling;

import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;
import io.weft.node.WeftNode;
import io.weft.node.execution.DueTask;

/**
 * The scheduler job's source: one processor on each member, emitting its own node's {@link DueSignals}.
 * Cooperative (taking from a queue never blocks), so it costs a Jet thread nothing while idle but the
 * backoff of Jet's cooperative worker.
 */
final class DueSignalSource extends AbstractProcessor {

    /** Not null-terminated: {@code null} means no signal now, and a later call may find one. */
    private Traverser<DueTask> signals;

    static StreamSource<DueTask> create() {
        return Sources.streamFromProcessor("due-signals", ProcessorMetaSupplier.of(1, DueSignalSource::new));
    }

    @Override
    protected void init(Context context) {
        signals = WeftNode.of(context.hazelcastInstance()).dueSignals()::poll;
    }

    @Override
    public boolean complete() {
        emitFromTraverser(signals);
        return false;
    }
}
