package io.weft.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weft.gateway.auth.Caller;
import io.weft.gateway.service.ResultService;
import io.weft.gateway.wire.ResultRequest;
import io.weft.gateway.wire.ResultView;
import io.weft.model.result.ResultMeta;
import java.io.InputStream;
import java.net.URI;

/** Results: create one in a session, stream its bytes up and down, read its metadata, delete it. */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "results")
public class ResultController {

    private final ResultService results;

    public ResultController(ResultService results) {
        this.results = results;
    }

    @Post("/sessions/{sid}/results")
    public HttpResponse<ResultView> create(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                           String sid, @Body @Nullable ResultRequest request) {
        ResultView created = ResultView.of(results.create(caller, sid, request));
        return HttpResponse.created(created, URI.create("/v1/results/" + created.id()));
    }

    @Get("/results/{rid}")
    public ResultView get(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String rid) {
        return ResultView.of(results.require(caller, rid));
    }

    /** The body is streamed into the grid as it arrives; the whole of it is never held. Past a limit: 413. */
    @Put("/results/{rid}/data")
    @Consumes(MediaType.ALL)
    public ResultView upload(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String rid,
                             @Body InputStream body) {
        return ResultView.of(results.upload(caller, rid, body));
    }

    @Get(value = "/results/{rid}/data", produces = MediaType.ALL)
    public HttpResponse<StreamedFile> download(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                               String rid) {
        ResultMeta meta = results.require(caller, rid);
        InputStream data = results.download(caller, rid);
        return HttpResponse.ok(new StreamedFile(data, MediaType.of(meta.contentType()), meta.createdAt().toEpochMilli(), meta.size()))
                .header("ETag", "\"" + meta.sha256() + "\"");
    }

    /** Removes the result and all its bytes, including those of an upload that broke off: 204, or 404. */
    @Delete("/results/{rid}")
    public HttpResponse<Void> delete(@Parameter(hidden = true) @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String rid) {
        results.delete(caller, rid);
        return HttpResponse.noContent();
    }
}
