package io.weft.node.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import io.weft.model.grid.GridNames;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import io.weft.node.config.NodeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The owner's one listener routes each update to the handlers of the status it leaves, and only those. */
class OwnedTaskChangesTest {

    private static WeftNode node;

    @BeforeAll
    static void startNode() {
        node = WeftNode.start(NodeSettings.builder().clusterName("owned-changes-" + UUID.randomUUID().toString().substring(0, 8))
                .members(List.of("127.0.0.1")).metricsPort(0).build());
    }

    @AfterAll
    static void stopNode() {
        node.terminate();
    }

    @Test
    void updateReachesTheHandlersOfItsStatusEvenWhenOneOfThemFails() {
        List<String> cancelled = new CopyOnWriteArrayList<>();
        List<String> delayed = new CopyOnWriteArrayList<>();
        UUID registration = OwnedTaskChanges.listen(node.hazelcast(), List.of(
                handler(Set.of(TaskStatus.CANCELLED), id -> {
                    throw new IllegalStateException("a failing handler");
                }),
                handler(Set.of(TaskStatus.CANCELLED), cancelled::add),
                handler(Set.of(TaskStatus.SCHEDULED), delayed::add)));
        IMap<String, Task> tasks = node.hazelcast().getMap(GridNames.TASKS);
        try {
            Instant now = Instant.now();
            TaskSpec later = TaskSpec.of("echo", "{}").withOptions(TaskOptions.builder().delay(Duration.ofHours(1)).build());
            Task first = Task.create("t-owned-changes-1", "s-owned-changes", later, now);
            Task second = Task.create("t-owned-changes-2", "s-owned-changes", later, now);
            Task third = Task.create("t-owned-changes-3", "s-owned-changes", later, now);
            for (Task inserted : List.of(first, second, third)) {
                tasks.set(inserted.id(), inserted);
            }

            tasks.set(first.id(), first.cancel(now.plusMillis(1)));
            tasks.set(second.id(), second.cancel(now.plusMillis(1)));
            tasks.set(third.id(), third);

            await().atMost(Duration.ofSeconds(10)).until(() -> cancelled.size() >= 2 && !delayed.isEmpty());
            assertThat(cancelled).containsExactlyInAnyOrder(first.id(), second.id());
            // All three were inserted SCHEDULED, but only the update that left one SCHEDULED is told.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> delayed.size() == 1);
            assertThat(delayed).containsExactly(third.id());
        } finally {
            tasks.removeEntryListener(registration);
        }
    }

    private static OwnedTaskHandler handler(Set<TaskStatus> statuses, Consumer<String> onTask) {
        return new OwnedTaskHandler() {
            @Override
            public Set<TaskStatus> statuses() {
                return statuses;
            }

            @Override
            public void changed(EntryEvent<String, Task> change) {
                onTask.accept(change.getKey());
            }
        };
    }
}
