package io.weft.model.grid;

import io.weft.model.cluster.MemberInfo;
import java.util.Optional;

/** What an operator may change on a running node; the node puts one in its member's user context. */
public interface MemberControl {

    /** Stops taking new tasks and lets running ones finish; returns the node's entry as now published. */
    MemberInfo drain();

    /** Takes tasks again after a drain (running ones were never stopped); returns the entry as now published. */
    MemberInfo undrain();

    /** Stops (or resumes) taking tasks of {@code type}; empty when the node has no handler for it. */
    Optional<MemberInfo> setTypeEnabled(String type, boolean enabled);
}
