package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.ApiPrincipal;
import io.openoms.app.security.Role;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guards {@code /api/v1/*}: a request without a valid {@code X-API-Key} gets 401, a valid key
 * without the endpoint's role 403, a body declared larger than {@link ApiJson#MAX_BODY_BYTES} 413.
 * Every endpoint is registered with the least role it needs. {@code /health*} and {@code /metrics}
 * are not under {@code /api/v1} and stay open. Also turns {@link ApiException}s into the one error
 * shape.
 */
public final class ApiAccessRoutes implements HttpRoutes {
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String PRINCIPAL = "oms.principal";

    private final ApiKeyStore keys;

    @Inject
    public ApiAccessRoutes(ApiKeyStore keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/api/v1/*", this::authenticate);
        routes.beforeMatched("/api/v1/*", this::authorize);
        routes.exception(ApiException.class, (e, ctx) -> ApiJson.error(ctx, e));
    }

    /** The caller, as established by {@link #authenticate}. */
    static ApiPrincipal principal(Context ctx) {
        ApiPrincipal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("no principal: the route is not under /api/v1");
        }
        return principal;
    }

    /** Kite's postbacks cannot carry an API key; they are authenticated by their checksum instead. */
    private static boolean authenticatedByItself(Context ctx) {
        return ZerodhaPostbackRoutes.PATH.equals(ctx.path());
    }

    private void authenticate(Context ctx) {
        if (authenticatedByItself(ctx)) {
            return;
        }
        String presented = ctx.header(API_KEY_HEADER);
        Optional<ApiPrincipal> principal = keys.authenticate(presented);
        if (principal.isEmpty()) {
            ctx.header("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"");
            throw new ApiException(
                    401,
                    "UNAUTHENTICATED",
                    presented == null || presented.isEmpty()
                            ? "this endpoint needs an API key in the " + API_KEY_HEADER + " header"
                            : "the API key is not valid");
        }
        if (ctx.req().getContentLengthLong() > ApiJson.MAX_BODY_BYTES) {
            throw ApiJson.tooLarge(ctx);
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    private void authorize(Context ctx) {
        if (authenticatedByItself(ctx)) {
            return;
        }
        ApiPrincipal principal = principal(ctx);
        Set<RouteRole> roles = ctx.routeRoles();
        Role required = Role.ADMIN;
        for (RouteRole role : roles) {
            if (role instanceof Role r && r.ordinal() < required.ordinal()) {
                required = r;
            }
        }
        if (!principal.role().includes(required)) {
            throw new ApiException(
                    403,
                    "FORBIDDEN",
                    "the API key '" + principal.name() + "' has the role "
                            + principal.role().label() + "; " + ctx.method() + " " + ctx.endpoint().path + " needs "
                            + required.label(),
                    Map.of("role", principal.role().label(), "required", required.label()));
        }
    }
}
