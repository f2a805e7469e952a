package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.weft.model.grid.GridNames;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.result.ChunkKey;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import io.weft.model.session.TaskCounts;
import io.weft.model.task.Task;
import io.weft.model.task.TaskOptions;
import io.weft.model.task.TaskSpec;
import io.weft.model.task.TaskStatus;
import io.weft.node.WeftNode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurgeTest {

    private static final int CHUNK = ResultMeta.DEFAULT_CHUNK_SIZE;

    private TestCluster cluster;
    private WeftNode node;
    private WeftClient client;

    /** One sleep slot: a second sleep task waits QUEUED behind the first. */
    @BeforeEach
    void startCluster() {
        cluster = TestCluster.of("purge", 1, Map.of("sleep", 1));
        node = cluster.node(0);
        client = cluster.client();
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void purgeLeavesNothingOfTheSessionInAnyMapAndTouchesNoOther() throws Exception {
        String session = client.sessions().create("doomed", Map.of()).id();
        String bystander = client.sessions().create("bystander", Map.of()).id();
        Task done = client.tasks().submit(session, TaskSpec.of("echo", "{}"));
        Task running = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":60000}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> node.runningAttempts().count() == 1
                && client.tasks().get(done.id()).orElseThrow().status() == TaskStatus.SUCCEEDED);
        Task queued = client.tasks().submit(session, TaskSpec.of("sleep", "{\"ms\":1}"));
        Task delayed = client.tasks().submit(session, TaskSpec.of("echo", "{}")
                .withOptions(TaskOptions.builder().delay(Duration.ofHours(1)).build()));
        ResultMeta uploaded = upload(session, 2 * CHUNK + 10);
        ResultMeta abandoned = abandonedUpload(session, 2);
        ResultMeta empty = client.results().create(session, "empty.bin", null, Duration.ofHours(1));
        Task kept = client.tasks().submit(bystander, TaskSpec.of("echo", "{}")
                .withOptions(TaskOptions.builder().delay(Duration.ofHours(1)).build()));
        ResultMeta keptResult = upload(bystander, CHUNK + 1);
        Task child = client.tasks().submit(session, TaskSpec.of("echo", "{}").withParent(done.id()));
        ResultMeta notYet = client.results().create(session, "not-yet.bin", null, Duration.ofHours(1));
        Task waiting = client.tasks().submit(session, new TaskSpec("echo", "{}", null, List.of(empty.id(), notYet.id()),
                null, null, null));
        List<String> ids = List.of(done.id(), running.id(), queued.id(), delayed.id(), child.id(), waiting.id());
        assertThat(node.hazelcast().getMap(GridNames.INPUTS).containsKey(waiting.id())).as("its tally").isTrue();
        assertThat(client.tasks().children(done.id())).extracting(Task::id).containsExactly(child.id());

        client.sessions().purge(session);

        HazelcastInstance grid = node.hazelcast();
        IMap<String, Task> tasks = grid.getMap(GridNames.TASKS);
        IMap<String, ResultMeta> results = grid.getMap(GridNames.RESULTS);
        IMap<String, byte[]> chunks = grid.getMap(GridNames.CHUNKS);
        IMap<String, TaskCounts> counts = grid.getMap(GridNames.SESSION_COUNTS);
        assertThat(client.sessions().get(session)).isEmpty();
        assertThat(grid.getMap(GridNames.SESSIONS).containsKey(session)).isFalse();
        assertThat(tasks.keySet(Predicates.equal("sessionId", session))).isEmpty();
        assertThat(ids).noneMatch(tasks::containsKey);
        assertThat(grid.getMap(GridNames.SUBTASKS).containsKey(child.id())).isFalse();
        assertThat(grid.getMap(GridNames.INPUTS).containsKey(waiting.id())).isFalse();
        assertThat(grid.getMultiMap(GridNames.DEPENDENTS).containsKey(notYet.id())).isFalse();
        assertThat(results.keySet(Predicates.equal("sessionId", session))).isEmpty();
        assertThat(chunks.keySet()).noneMatch(key -> key.startsWith(uploaded.id()) || key.startsWith(abandoned.id())
                || key.startsWith(empty.id()));
        assertThat(counts.containsKey(session)).isFalse();
        assertThat(grid.getMap(GridNames.SESSION_WRITTEN_BYTES).containsKey(session)).isFalse();
        // The running attempt was interrupted long before its minute was up.
        await().atMost(Duration.ofSeconds(10)).until(() -> node.runningAttempts().count() == 0);
        // A change the node recorded before the purge and writes after it brings no counts back.
        node.sessionCounts().flush().get(10, TimeUnit.SECONDS);
        assertThat(counts.containsKey(session)).isFalse();

        assertThat(tasks.get(kept.id()).status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(results.get(keptResult.id()).status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(chunks.containsKey(ChunkKey.of(keptResult.id(), 0))).isTrue();
        assertThat(chunks.containsKey(ChunkKey.of(keptResult.id(), 1))).isTrue();
        assertThat(client.sessions().counts(bystander).get(TaskStatus.SCHEDULED)).isEqualTo(1);
    }

    @Test
    void purgeOfAnUnknownOrAlreadyPurgedSessionIsNotFound() {
        String session = client.sessions().create("once", Map.of()).id();
        client.sessions().purge(session);

        assertThatThrownBy(() -> client.sessions().purge(session)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(session);
        assertThatThrownBy(() -> client.sessions().purge("s-nosuch")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> client.sessions().purge("not an id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sessions().counts(session)).isInstanceOf(NoSuchElementException.class);
    }

    private ResultMeta upload(String session, int size) {
        ResultMeta created = client.results().create(session, "data.bin", null, Duration.ofHours(1));
        ResultMeta completed = client.results().upload(created.id(), new ByteArrayInputStream(new byte[size]));
        assertThat(completed.chunkCount()).isEqualTo((size + CHUNK - 1) / CHUNK);
        return completed;
    }

    /** A result whose upload wrote {@code chunks} whole chunks and was never closed: it stays CREATED. */
    private ResultMeta abandonedUpload(String session, int chunks) throws Exception {
        ResultMeta created = client.results().create(session, "partial.bin", null, Duration.ofHours(1));
        ResultOutputStream out = client.results().openUpload(created.id());
        out.write(new byte[chunks * CHUNK]);
        assertThat(node.hazelcast().getMap(GridNames.CHUNKS).containsKey(ChunkKey.of(created.id(), chunks - 1))).isTrue();
        return created;
    }
}
