package io.weft.node.merge;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conflicts a merge could not resolve by the state order: both sides of a split reached different
 * final states for one entry. The larger side's copy is kept; each conflict is logged at WARN and
 * counted ({@code weft_merge_conflicts_total}). Hazelcast builds the merge policies itself, so the
 * count is kept here, per JVM, rather than handed to them.
 */
public final class MergeConflicts {

    private static final Logger LOG = LoggerFactory.getLogger(MergeConflicts.class);
    private static final AtomicLong COUNT = new AtomicLong();

    private MergeConflicts() {
    }

    static void record(String kind, String id, Object kept, Object dropped) {
        COUNT.incrementAndGet();
        LOG.warn("merge after a split: {} {} ended differently on the two sides; kept the larger side's {}, dropped {}",
                kind, id, kept, dropped);
    }

    /** How many conflicts this JVM's members met since it started. */
    public static long count() {
        return COUNT.get();
    }
}
