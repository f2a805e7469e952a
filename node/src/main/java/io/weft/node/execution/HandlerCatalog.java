package io.weft.node.execution;

import io.weft.node.handler.TaskHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

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

    public Optional<TaskHandler> handler(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<TaskHandler> all() {
        return byType.values();
    }
}
