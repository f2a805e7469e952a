package io.weft.gateway.service;

import io.weft.client.WeftClient;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.auth.Ownership;
import io.weft.gateway.budget.GridBudget;
import io.weft.gateway.edge.BodyBrokeOffException;
import io.weft.gateway.edge.ReadFailureRecorder;
import io.weft.gateway.edge.RequiredBody;
import io.weft.gateway.wire.ResultRequest;
import io.weft.model.Checks;
import io.weft.model.result.ResultExpiredException;
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
@GridBudget
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
        RequiredBody.of(request, "{\"name\": …, \"contentType\": …, \"ttl\": …}");
        return weft.results().create(sessionId, Checks.notNull("name", request.name()), request.contentType(),
                TaskService.duration("ttl", request.ttl()));
    }

    /**
     * The result, if it exists and {@code caller} may see its session; else 404. An expired result
     * is a {@link ResultExpiredException} (410) only for those who may see it: to the rest, 404.
     */
    public ResultMeta require(Caller caller, String resultId) {
        ResultMeta meta;
        try {
            meta = weft.results().get(resultId).orElseThrow(() -> weft.lost().missing("result", resultId));
        } catch (ResultExpiredException e) {
            requireVisible(caller, resultId, e.sessionId());
            throw e;
        }
        requireVisible(caller, resultId, meta.sessionId());
        return meta;
    }

    /**
     * Streams {@code body} into a CREATED result and completes it. A body past a limit is refused
     * (413) and one that breaks off (or stalls past {@code WEFT_HTTP_IDLE}, when the gateway cuts it
     * off) leaves the result CREATED, without the chunks written so far: a {@link BodyBrokeOffException}.
     */
    @GridBudget.Unbounded
    public ResultMeta upload(Caller caller, String resultId, InputStream body) {
        require(caller, resultId);
        try (ReadFailureRecorder in = new ReadFailureRecorder(body)) {
            try {
                return weft.results().upload(resultId, in);
            } catch (UncheckedIOException e) {
                if (in.failure() != null) {
                    throw new BodyBrokeOffException("the body of the upload into " + resultId + " broke off before its end ("
                            + in.failure().getMessage() + "); nothing of it was kept, the result stays CREATED", e);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the request body of " + resultId + " could not be closed", e);
        }
    }

    /** A stream of a COMPLETED result's bytes. */
    public InputStream download(Caller caller, String resultId) {
        ResultMeta meta = require(caller, resultId);
        if (meta.status() == ResultStatus.LOST) {
            // 410 before a byte is sent: the bytes the grid still has would be a truncated download.
            throw weft.lost().lostResult(meta);
        }
        if (meta.status() != ResultStatus.COMPLETED) {
            throw new IllegalStateException("result " + resultId + " is " + meta.status() + "; only a COMPLETED one has data");
        }
        return weft.results().openDownload(resultId);
    }

    /** Removes a result, expired or not, with all its bytes; 404 if there is none the caller may see. */
    public void delete(Caller caller, String resultId) {
        Checks.id("resultId", resultId);
        try {
            require(caller, resultId);
        } catch (ResultExpiredException e) {
            // Its tombstone is still a result the caller may delete.
        }
        if (!weft.results().delete(resultId)) {
            throw new NoSuchElementException("no result " + resultId);
        }
    }

    private void requireVisible(Caller caller, String resultId, String sessionId) {
        if (!ownership.canSee(caller, sessionId)) {
            throw new NoSuchElementException("no result " + resultId);
        }
    }
}
