package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.application.intake.StrictValues;
import io.openoms.domain.port.in.Reconciliation;
import io.openoms.domain.port.in.ReconciliationReport;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * {@code GET /api/v1/reconciliation} (the latest findings, newest first; viewer), {@code POST
 * /api/v1/reconciliation/run} (a run now; admin), and {@code POST
 * /api/v1/reconciliation/findings/{id}/approve} or {@code .../dismiss} (admin): decides a fix the
 * {@code propose} policy left waiting, the finding's id being {@code runId:index} as its action names
 * it. 503 when this deployment has no reconciliation bound.
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
        routes.post(
                "/api/v1/reconciliation/findings/{id}/approve",
                ctx -> decide(
                        ctx,
                        (service, id) -> service.approve(
                                id, ApiAccessRoutes.principal(ctx).name())),
                Role.ADMIN);
        routes.post(
                "/api/v1/reconciliation/findings/{id}/dismiss",
                ctx -> decide(
                        ctx,
                        (service, id) -> service.dismiss(
                                id, ApiAccessRoutes.principal(ctx).name())),
                Role.ADMIN);
    }

    private void decide(
            Context ctx, BiFunction<Reconciliation, String, CompletableFuture<ReconciliationFinding>> decision) {
        Reconciliation service = service();
        String id = ctx.pathParam("id");
        ReconciliationFinding decided = EngineCalls.await(decision.apply(service, id), failure -> {
            if (failure instanceof NoSuchElementException) {
                return new ApiException(
                        404,
                        "NOT_FOUND",
                        "no fix waits for a decision under finding " + id
                                + " (decided already, or never proposed; GET /api/v1/reconciliation lists them)",
                        Map.of("id", id));
            }
            return new ApiException(409, "FIX_NOT_APPLIED", String.valueOf(failure.getMessage()), Map.of("id", id));
        });
        ApiJson.write(ctx, 200, ApiViews.finding(decided));
    }

    private void latest(Context ctx) {
        int limit = OrderRoutes.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> run = Optional.ofNullable(ctx.queryParam("runId")).filter(s -> !s.isBlank());
        run.flatMap(StrictValues::textProblem).ifPresent(problem -> {
            throw ApiException.invalidField("runId", problem);
        });
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
