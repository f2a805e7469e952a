package io.weft.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

/**
 * Starts the gateway: an embedded Weft node when {@code WEFT_MEMBERS} is unset, else a Hazelcast
 * client of that cluster, and HTTP on {@code WEFT_HTTP_PORT} (default 8080).
 */
@OpenAPIDefinition(info = @Info(title = "weft-gateway", version = "0.1.0",
        description = "Weft's REST API: sessions, tasks, results, events, API keys."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(GatewayMain.class).banner(false).start();
    }
}
