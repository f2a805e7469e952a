package io.weft.gateway.service;

import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.wire.ResultRequest;
import io.weft.model.Checks;
import io.weft.model.InvalidValueException;
import io.weft.model.grid.ResultOutputStream;
import io.weft.model.result.ResultMeta;
import io.weft.model.result.ResultStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/**
 * Results over HTTP. Bytes flow through in the grid's chunk size: an upload is copied from the
 * request body into the grid one chunk at a time, a download read back the same way.
 */
@Singleton
public class ResultService {

    private final WeftClient weft;
    private final Ownership ownership;

    public ResultService(WeftClient weft, Ownership ownership) {
        this.weft = weft;
        this.ownership = ownership;
    }

    public ResultMeta create(Caller caller, String sessionId, ResultRequest request) {
        Checks.id("sessionId", sessionId);
        ownership.check(caller, sessionId);
        if (request == null) {
            throw new InvalidValueException("body", "is required: {\"name\": …, \"contentType\": …, \"ttl\": …}");
        }
        return weft.results().create(sessionId, Checks.notNull("name", request.name()), request.contentType(),
                TaskService.duration("ttl", request.ttl()));
    }

    /** The result, if it exists and {@code caller} may see its session; else 404. */
    public ResultMeta require(Caller caller, String resultId) {
        ResultMeta meta = weft.results().get(resultId).orElseThrow(() -> new NoSuchElementException("no result " + resultId));
        if (!ownership.canSee(caller, meta.sessionId())) {
            throw new NoSuchElementException("no result " + resultId);
        }
        return meta;
    }

    /** Streams {@code body} into a CREATED result and completes it. */
    public ResultMeta upload(Caller caller, String resultId, InputStream body) {
        require(caller, resultId);
        ResultOutputStream out = weft.results().openUpload(resultId);
        try (InputStream in = body) {
            in.transferTo(out);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("upload of " + resultId + " broke off; the result stays CREATED", e);
        }
        return out.completed();
    }

    /** A stream of a COMPLETED result's bytes. */
    public InputStream download(Caller caller, String resultId) {
        ResultMeta meta = require(caller, resultId);
        if (meta.status() != ResultStatus.COMPLETED) {
            throw new IllegalStateException("result " + resultId + " is " + meta.status() + "; only a COMPLETED one has data");
        }
        return weft.results().openDownload(resultId);
    }
}
