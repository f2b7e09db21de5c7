package io.openoms.app.http;

import io.javalin.config.RoutesConfig;
import io.openoms.app.security.Role;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of the API (viewer, like every read). */
public final class OpenApiRoutes implements HttpRoutes {
    static final String RESOURCE = "/openapi.json";

    private final String document;

    @Inject
    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the jar");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(
                "/api/v1/openapi.json",
                ctx -> ctx.contentType("application/json").result(document),
                Role.VIEWER);
    }
}
