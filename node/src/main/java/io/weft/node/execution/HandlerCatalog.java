package io.weft.node.execution;

import io.weft.node.handler.TaskHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** The handlers this node runs, by task type name. */
public final class HandlerCatalog {

    private final Map<String, TaskHandler> byType;

    public HandlerCatalog(Collection<TaskHandler> handlers) {
        Map<String, TaskHandler> map = new LinkedHashMap<>();
        for (TaskHandler handler : handlers) {
            String name = handler.type().name();
            TaskHandler previous = map.putIfAbsent(name, handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers declare task type '" + name + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.byType = Map.copyOf(map);
    }

    /** Every handler on the classpath, plus {@code extra} ones (tests, embedding programs). */
    public static HandlerCatalog discover(ClassLoader loader, List<TaskHandler> extra) {
        List<TaskHandler> all = new ArrayList<>();
        ServiceLoader.load(TaskHandler.class, loader).forEach(all::add);
        all.addAll(extra);
        return new HandlerCatalog(all);
    }

    /**
     * Only the handlers of {@code types} (all if empty): a node can be told to serve some types and
     * leave the rest to others. Naming a type it has no handler for is a configuration error.
     */
    public HandlerCatalog only(Set<String> types) {
        if (types.isEmpty()) {
            return this;
        }
        for (String type : types) {
            if (!byType.containsKey(type)) {
                throw new IllegalArgumentException("WEFT_TASK_TYPES names '" + type + "', but this node has handlers only for "
                        + byType.keySet());
            }
        }
        return new HandlerCatalog(byType.values().stream().filter(h -> types.contains(h.type().name())).toList());
    }

    public Optional<TaskHandler> handler(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<TaskHandler> all() {
        return byType.values();
    }
}
