package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.BrokerSessionState;
import io.openoms.app.runtime.DatabaseProbe;
import io.openoms.app.runtime.RuntimeStatus;
import io.openoms.app.runtime.ScheduledTask;
import io.openoms.app.runtime.SignalSource;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /health}: liveness, 200 while the process serves HTTP. {@code GET /health/ready}: 200 when
 * the database answers, the engine runs and has recovered, and every broker session is connected;
 * else 503. Both answer JSON with {@code status} ({@code UP} or {@code DOWN}) and, for readiness, one
 * entry per check; the last reconciliation is reported once that loop is scheduled.
 */
public final class HealthRoutes implements HttpRoutes {
    private final RuntimeStatus status;
    private final DatabaseProbe database;
    private final Set<BrokerSession> brokers;
    private final Set<SignalSource> signals;

    @Inject
    public HealthRoutes(
            RuntimeStatus status, DatabaseProbe database, Set<BrokerSession> brokers, Set<SignalSource> signals) {
        this.status = requireNonNull(status, "status is null");
        this.database = requireNonNull(database, "database is null");
        this.brokers = Set.copyOf(requireNonNull(brokers, "brokers is null"));
        this.signals = Set.copyOf(requireNonNull(signals, "signals is null"));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::live);
        routes.get("/health/ready", this::ready);
    }

    private void live(Context ctx) {
        ctx.json(Map.of("status", "UP", "phase", status.phase().name()));
    }

    private void ready(Context ctx) {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean ready = true;

        Map<String, Object> db = new LinkedHashMap<>();
        try {
            database.check();
            db.put("status", "UP");
        } catch (RuntimeException e) {
            db.put("status", "DOWN");
            db.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            ready = false;
        }
        checks.put("database", db);

        boolean engineUp = status.engineRunning() && status.recoveredAt().isPresent();
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("status", engineUp ? "UP" : "DOWN");
        engine.put("running", status.engineRunning());
        engine.put("recovered", status.recoveredAt().isPresent());
        status.recoveredAt().ifPresent(at -> engine.put("recoveredAt", at.toString()));
        checks.put("engine", engine);
        ready &= engineUp;

        List<Map<String, Object>> sessions = brokers.stream()
                .map(session -> {
                    BrokerSessionState state = session.state();
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", session.name());
                    entry.put("status", state == BrokerSessionState.CONNECTED ? "UP" : "DOWN");
                    entry.put("session", state.name());
                    entry.putAll(session.details());
                    return entry;
                })
                .toList();
        checks.put("brokers", sessions);
        ready &= sessions.stream().allMatch(entry -> "UP".equals(entry.get("status")));

        Map<String, Object> reconciliation = new LinkedHashMap<>();
        status.loop(ScheduledTask.RECONCILIATION)
                .ifPresentOrElse(
                        loop -> {
                            reconciliation.put("scheduled", true);
                            reconciliation.put(
                                    "lastRun",
                                    loop.lastSuccess().map(Object::toString).orElse(null));
                        },
                        () -> reconciliation.put("scheduled", false));
        checks.put("reconciliation", reconciliation);

        // Informational: a signal source that is down does not make the process unready (REST still trades).
        checks.put(
                "signals",
                signals.stream()
                        .map(source -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("name", source.name());
                            entry.putAll(source.health());
                            return entry;
                        })
                        .toList());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("phase", status.phase().name());
        body.put("checks", checks);
        ctx.status(ready ? 200 : 503).json(body);
    }
}
