package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
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
 * without the endpoint's role 403, a body declared larger than {@link ApiJson#MAX_BODY_BYTES} 413, a
 * key over its request rate limit ({@link ApiRequestLimits}) 429. Every endpoint is registered with
 * the least role it needs. {@code /health*} and {@code /metrics} are not under {@code /api/v1} and stay
 * open and unlimited, like Kite's postback. Also turns {@link ApiException}s into the one error shape.
 *
 * <p>The limit is applied after the role check, so only a request the key may make is counted; and
 * before the handler, so a refused request changes and stores nothing. The kill switch ({@code PUT
 * /risk/trading-state}) is never refused for rate: halting a runaway strategy must not wait.
 */
public final class ApiAccessRoutes implements HttpRoutes {
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String PRINCIPAL = "oms.principal";

    /** Requests that create or change an order: they also count against the order budget. */
    private static final Set<String> ORDER_ENTRY = Set.of(
            "POST /api/v1/orders",
            "POST /api/v1/signals",
            "PATCH /api/v1/orders/{id}",
            "POST /api/v1/orders/{id}/fills");

    private static final Set<String> UNLIMITED = Set.of("PUT /api/v1/risk/trading-state");

    private final ApiKeyStore keys;
    private final ApiRequestLimits limits;

    @Inject
    public ApiAccessRoutes(ApiKeyStore keys, ApiRequestLimits limits) {
        this.keys = requireNonNull(keys, "keys is null");
        this.limits = requireNonNull(limits, "limits is null");
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

    /**
     * Kite's postbacks cannot carry an API key; they are authenticated by their checksum instead. Webhook
     * alerts cannot either: they carry their token in the path, and are limited per token.
     */
    private static boolean authenticatedByItself(Context ctx) {
        return ZerodhaPostbackRoutes.PATH.equals(ctx.path()) || WebhookRoutes.isAlert(ctx);
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
        // ctx.endpoint() is this before-matched handler ("/api/v1/*"); the route it guards is the matched one.
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String endpoint = matched.method.name() + " " + matched.path;
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
                            + principal.role().label() + "; " + endpoint + " needs "
                            + required.label(),
                    Map.of("role", principal.role().label(), "required", required.label()));
        }
        if (!UNLIMITED.contains(endpoint)) {
            limits.admit(
                    principal.name(),
                    ORDER_ENTRY.contains(endpoint)
                            ? ApiRequestLimits.RequestKind.ORDER_ENTRY
                            : ApiRequestLimits.RequestKind.REQUEST);
        }
    }
}
