package io.weft.model.grid;

import io.weft.model.task.Task;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;

/**
 * Tasks oldest first, then by id: the order of every task list. It is a paging predicate's
 * comparator, so each member sorts and cuts its own matches and only a page per member crosses the
 * network; members and clients both have this class, which Java serialization needs.
 */
public final class TaskOrder implements Comparator<Map.Entry<String, Task>>, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Map.Entry<String, Task> a, Map.Entry<String, Task> b) {
        int byTime = a.getValue().createdAt().compareTo(b.getValue().createdAt());
        return byTime != 0 ? byTime : a.getKey().compareTo(b.getKey());
    }
}
