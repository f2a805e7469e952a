package io.weft.model.serialization;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Compact serializer of the model, registered on members and clients alike. The type names
 * ({@code weft.*}) are stable: renaming a class must not change them, or a rolling upgrade breaks.
 */
public final class WeftSerializers {

    private WeftSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        List<CompactSerializer<?>> all = new ArrayList<>(ScheduleAndLogSerializers.all());
        all.addAll(HookSerializers.all());
        all.addAll(InputSerializers.all());
        all.addAll(List.of(new SessionSerializer(), new TaskOptionsSerializer(), new TaskSpecSerializer(),
                new TaskErrorSerializer(), new StatusChangeSerializer(), new TaskSerializer(), new TaskEventSerializer(),
                new ResultMetaSerializer(), new TaskTypeSerializer(), new InsertTaskSerializer(),
                new InsertTasksSerializer(), new ClaimTaskSerializer(), new CompleteAttemptSerializer(),
                new RequeueOrphanSerializer(), new PromoteDueTaskSerializer(), new CancelTaskSerializer(),
                new CompleteResultSerializer(), new InterruptAttemptSerializer(), new ServedTypeSerializer(),
                new MemberInfoSerializer(), new ResolveInputSerializer(), new SetResultOwnerSerializer(),
                new AbortResultSerializer(), new ResultLimitsSerializer(), new RemoveChunkSerializer(),
                new TaskUpdateSerializer(), new RecordedOutcomeSerializer(), new TaskCountsSerializer(), new AddTaskCountsSerializer(),
                new ApplySessionStateSerializer(), new ControlMemberSerializer(), new AddWrittenBytesSerializer(),
                new SubtaskLinkSerializer()));
        return List.copyOf(all);
    }

    /** Adds the model's serializers, and {@code extra} ones (a node's own messages), to {@code config}. */
    public static SerializationConfig register(SerializationConfig config, List<CompactSerializer<?>> extra) {
        CompactSerializationConfig compact = config.getCompactSerializationConfig();
        all().forEach(compact::addSerializer);
        extra.forEach(compact::addSerializer);
        return config;
    }
}
