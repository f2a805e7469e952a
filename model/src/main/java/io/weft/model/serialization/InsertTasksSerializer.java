package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.InsertTasks;
import io.weft.model.task.Task;
import java.util.List;

final class InsertTasksSerializer implements CompactSerializer<InsertTasks> {

    @Override
    public InsertTasks read(CompactReader in) {
        return new InsertTasks(List.of(in.readArrayOfCompact("tasks", Task.class)));
    }

    @Override
    public void write(CompactWriter out, InsertTasks value) {
        out.writeArrayOfCompact("tasks", value.tasks().toArray(new Task[0]));
    }

    @Override
    public String getTypeName() {
        return "weft.op.InsertTasks";
    }

    @Override
    public Class<InsertTasks> getCompactClass() {
        return InsertTasks.class;
    }
}
