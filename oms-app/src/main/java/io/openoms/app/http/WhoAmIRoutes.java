package io.openoms.app.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.ApiPrincipal;
import io.openoms.app.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/whoami} (viewer): the caller's key name and role, and what that role may do, so a
 * client (the dashboard) shows only the actions the server would allow. The server still enforces them.
 */
public final class WhoAmIRoutes implements HttpRoutes {
    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/whoami", WhoAmIRoutes::whoami, Role.VIEWER);
    }

    private static void whoami(Context ctx) {
        ApiPrincipal principal = ApiAccessRoutes.principal(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", principal.name());
        out.put("role", principal.role().label());
        out.put(
                "may",
                List.of(Role.values()).stream()
                        .filter(principal.role()::includes)
                        .map(Role::label)
                        .toList());
        ApiJson.write(ctx, 200, out);
    }
}
