package io.weft.gateway.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3 document that micronaut-openapi generates from the controllers at build time. */
@Controller("/openapi.yml")
@Hidden
public class OpenApiController {

    public static final String DOCUMENT = "META-INF/swagger/weft-gateway-0.1.0.yml";

    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing: the build did not run micronaut-openapi");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = "application/yaml")
    public HttpResponse<String> document() {
        return HttpResponse.ok(document);
    }
}
