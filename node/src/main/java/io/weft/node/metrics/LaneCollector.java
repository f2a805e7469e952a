package io.weft.node.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.node.execution.Dispatcher;
import io.weft.node.execution.LaneLoad;
import java.util.List;

/** This node's slots and lanes by task type, read from the dispatcher when scraped. */
final class LaneCollector extends Collector {

    private final Dispatcher dispatcher;

    LaneCollector(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<String> type = List.of("type");
        GaugeMetricFamily used = new GaugeMetricFamily("weft_executor_slots_used",
                "Slots of this node in use (attempts claimed, running or recording their outcome), by task type.", type);
        GaugeMetricFamily free = new GaugeMetricFamily("weft_executor_slots_free",
                "Slots of this node free now, by task type.", type);
        GaugeMetricFamily waiting = new GaugeMetricFamily("weft_lane_waiting_tasks",
                "Due tasks this node holds until one of its slots frees, by task type.", type);
        for (LaneLoad lane : dispatcher.laneLoads()) {
            List<String> label = List.of(lane.type());
            used.addMetric(label, lane.busy());
            free.addMetric(label, lane.free());
            waiting.addMetric(label, lane.waiting());
        }
        return List.of(used, free, waiting);
    }
}
