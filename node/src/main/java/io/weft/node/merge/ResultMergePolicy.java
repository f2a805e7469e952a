package io.weft.node.merge;

import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;

/**
 * Results merge by their status: a settled one (COMPLETED, ABORTED) over one still CREATED. Two
 * different settlements cannot be reconciled: the larger side's is kept and the conflict counted.
 */
public final class ResultMergePolicy extends StateOrderMergePolicy<ResultMeta> {

    @Override
    protected Winner choose(ResultMeta merging, ResultMeta existing) {
        boolean mergingSettled = merging.status() != ResultStatus.CREATED;
        boolean existingSettled = existing.status() != ResultStatus.CREATED;
        if (mergingSettled && existingSettled && merging.status() != existing.status()) {
            MergeConflicts.record("result", existing.id(), existing.status(), merging.status());
        }
        return mergingSettled && !existingSettled ? Winner.MERGING : Winner.EXISTING;
    }
}
