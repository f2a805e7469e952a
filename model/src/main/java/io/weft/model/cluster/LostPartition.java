package io.weft.model.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.model.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition whose every replica was lost (more members died at once than it had backups), as the
 * cluster records it: what was lost with it, when, and with which members.
 *
 * @param partitionId the partition
 * @param at          when the loss was seen
 * @param gone        the members that left shortly before, as {@code address (uuid)}
 * @param maps        the Weft maps whose entries of that partition are gone
 * @param backupCount the synchronous backups those maps had
 */
public record LostPartition(int partitionId, Instant at, List<String> gone, List<String> maps, int backupCount) {

    public LostPartition {
        gone = List.copyOf(gone);
        maps = List.copyOf(maps);
    }

    /** "lost with partition 12 when members A and B failed at T", to tell of an id that was in it. */
    public String describe() {
        String who = gone.isEmpty() ? "members" : (gone.size() == 1 ? "member " : "members ") + String.join(" and ", gone);
        return "lost with partition " + partitionId + " when " + who + " failed at " + at;
    }

    public String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("partitionId", partitionId);
        node.put("at", at.toString());
        ArrayNode goneArray = node.putArray("gone");
        gone.forEach(goneArray::add);
        ArrayNode mapArray = node.putArray("maps");
        maps.forEach(mapArray::add);
        node.put("backupCount", backupCount);
        return node.toString();
    }

    public static LostPartition fromJson(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return new LostPartition(node.get("partitionId").asInt(), Instant.parse(node.get("at").asText()),
                    strings(node.get("gone")), strings(node.get("maps")), node.get("backupCount").asInt());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a lost-partition record: " + json, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
