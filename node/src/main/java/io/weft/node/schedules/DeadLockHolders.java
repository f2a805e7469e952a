package io.weft.node.schedules;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPGroup;
import com.hazelcast.cp.session.CPSession;
import com.hazelcast.cp.session.CPSessionManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees the FencedLocks of a member that died. A lock is held by its holder's CP session, which
 * would otherwise stay open until its time to live runs out (300 s by Hazelcast's default): the
 * schedules would not fire meanwhile. When a member leaves, the oldest member force-closes the CP
 * sessions of that member's address, so the firing duty passes on within seconds.
 *
 * <p>Without a CP subsystem ({@code WEFT_CP_MEMBERS=0}, one dev node) there is no session service to
 * ask; there the short session time to live of the packaged hazelcast.yaml bounds the wait.
 */
final class DeadLockHolders extends MembershipAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLockHolders.class);

    private final HazelcastInstance hazelcast;

    DeadLockHolders(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        if (hazelcast.getConfig().getCPSubsystemConfig().getCPMemberCount() == 0 || !isOldest()) {
            return;
        }
        Member gone = event.getMember();
        CPSessionManagementService service = hazelcast.getCPSubsystem().getCPSessionManagementService();
        service.getAllSessions(CPGroup.DEFAULT_GROUP_NAME).whenCompleteAsync((sessions, failure) -> {
            if (failure != null) {
                LOG.warn("cannot list the CP sessions of member {}: {}", gone, failure.toString());
                return;
            }
            for (CPSession session : sessions) {
                if (session.endpointType() == CPSession.CPSessionOwnerType.SERVER && gone.getAddress().equals(session.endpoint())) {
                    LOG.info("closing CP session {} of departed member {}: its locks are freed", session.id(), gone);
                    service.forceCloseSession(CPGroup.DEFAULT_GROUP_NAME, session.id());
                }
            }
        }, Runnable::run);
    }

    private boolean isOldest() {
        return hazelcast.getCluster().getMembers().iterator().next().localMember();
    }
}
