package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.domain.port.in.Reconciliation;
import io.openoms.domain.port.in.ReconciliationReport;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code GET /api/v1/reconciliation} (the latest findings, newest first; viewer) and {@code POST
 * /api/v1/reconciliation/run} (a run now; admin). 503 when this deployment has no reconciliation
 * bound.
 */
public final class ReconciliationRoutes implements HttpRoutes {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Optional<Reconciliation> reconciliation;

    @Inject
    public ReconciliationRoutes(Optional<Reconciliation> reconciliation) {
        this.reconciliation = requireNonNull(reconciliation, "reconciliation is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/reconciliation", this::latest, Role.VIEWER);
        routes.post("/api/v1/reconciliation/run", this::run, Role.ADMIN);
    }

    private void latest(Context ctx) {
        int limit = OrderRoutes.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> run = Optional.ofNullable(ctx.queryParam("runId")).filter(s -> !s.isBlank());
        Reconciliation service = service();
        var findings = run.isPresent() ? service.ofRun(run.get()) : service.latest(limit);
        ApiJson.write(
                ctx, 200, ApiViews.page(findings.stream().map(ApiViews::finding).toList(), Optional.empty()));
    }

    private void run(Context ctx) {
        ReconciliationReport report = EngineCalls.await(service().runNow());
        ApiJson.write(ctx, 200, ApiViews.report(report));
    }

    private Reconciliation service() {
        return reconciliation.orElseThrow(() -> new ApiException(
                503, "RECONCILIATION_UNAVAILABLE", "reconciliation is not configured in this deployment"));
    }
}
