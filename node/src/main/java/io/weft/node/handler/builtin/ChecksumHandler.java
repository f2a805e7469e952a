package io.weft.node.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.model.Json;
import io.weft.model.type.TaskType;
import io.weft.node.handler.TaskContext;
import io.weft.node.handler.TaskHandler;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** {@code checksum}: the SHA-256 and size of an input result, read as a stream. */
public final class ChecksumHandler implements TaskHandler {

    private static final TaskType TYPE = TaskType.of("checksum", "SHA-256 of the result named by `result`.", """
            {"type": "object", "required": ["result"], "additionalProperties": false,
             "properties": {"result": {"type": "string", "minLength": 1, "maxLength": 128}}}""",
            """
            {"type": "object", "properties": {"sha256": {"type": "string"}, "size": {"type": "integer"}}}""");

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        String resultId = context.input().path("result").asText("");
        if (resultId.isEmpty()) {
            throw new IllegalArgumentException("input.result must name a result");
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = context.openInput(resultId)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
                context.checkCancelled();
            }
        }
        return Json.MAPPER.createObjectNode().put("sha256", HexFormat.of().formatHex(digest.digest())).put("size", size);
    }
}
