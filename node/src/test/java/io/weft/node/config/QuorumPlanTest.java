package io.weft.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import io.weft.model.grid.GridNames;
import io.weft.node.merge.TaskMergePolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quorum is a majority of the expected members, and every Weft map is protected by it. */
class QuorumPlanTest {

    @Test
    void aLoneNodeNeedsOnlyItself() {
        QuorumPlan plan = QuorumPlan.resolve(NodeSettings.fromEnvironment(Map.of()));
        assertThat(plan.size()).isEqualTo(1);
        Config config = MemberConfigFactory.create(NodeSettings.fromEnvironment(Map.of()), List.of());
        assertThat(config.getMapConfig(GridNames.TASKS).getSplitBrainProtectionName()).isNull();
        assertThat(config.getSplitBrainProtectionConfigs()).isEmpty();
    }

    @Test
    void theQuorumIsAMajorityOfTheMemberListOrOfTheCpMembersOrWhatIsSet() {
        assertThat(QuorumPlan.resolve(NodeSettings.fromEnvironment(Map.of("WEFT_MEMBERS", "a:1,b:1,c:1"))).size()).isEqualTo(2);
        assertThat(QuorumPlan.resolve(NodeSettings.fromEnvironment(Map.of("WEFT_MEMBERS", "a:1,b:1,c:1,d:1"))).size()).isEqualTo(3);
        assertThat(QuorumPlan.resolve(NodeSettings.fromEnvironment(Map.of("WEFT_MEMBERS", "a:1", "WEFT_CP_MEMBERS", "5"))).size())
                .isEqualTo(3);
        QuorumPlan set = QuorumPlan.resolve(NodeSettings.fromEnvironment(Map.of("WEFT_MEMBERS", "a:1,b:1,c:1", "WEFT_QUORUM", "3")));
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.expectedMembers()).isEqualTo(5);
    }

    @Test
    void everyWeftMapOfAClusterIsProtectedAndMergesByItsOwnPolicy() {
        Config config = MemberConfigFactory.create(NodeSettings.fromEnvironment(Map.of("WEFT_MEMBERS", "a:1,b:1,c:1")), List.of());
        assertThat(config.getSplitBrainProtectionConfig(QuorumPlan.PROTECTION).getMinimumClusterSize()).isEqualTo(2);
        for (String map : List.of(GridNames.TASKS, GridNames.SESSIONS, GridNames.RESULTS, GridNames.CHUNKS,
                GridNames.SCHEDULES, GridNames.HOOKS, GridNames.KEYS, GridNames.SESSION_OWNERS, GridNames.RUN_SESSIONS)) {
            assertThat(config.getMapConfigs()).containsKey(map);
            assertThat(config.getMapConfig(map).getSplitBrainProtectionName()).as(map).isEqualTo(QuorumPlan.PROTECTION);
        }
        assertThat(config.getMultiMapConfig(GridNames.DEPENDENTS).getSplitBrainProtectionName()).isEqualTo(QuorumPlan.PROTECTION);
        assertThat(config.getMapConfig(GridNames.TASKS).getMergePolicyConfig().getPolicy()).isEqualTo(TaskMergePolicy.class.getName());
        assertThat(config.getProperty("hazelcast.merge.first.run.delay.seconds")).isEqualTo("10");
        assertThat(config.getProperty("hazelcast.merge.next.run.delay.seconds")).isEqualTo("10");
        assertThat(QuorumPlan.of(config).size()).isEqualTo(2);
    }
}
