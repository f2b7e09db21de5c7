package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.WebhooksConfig;
import io.openoms.app.security.Role;
import io.openoms.app.security.StoredApiKey;
import io.openoms.app.security.WebhookTokens;
import io.openoms.application.intake.SignalIntake;
import io.openoms.application.intake.SignalOutcome;
import io.openoms.application.intake.StrictValues;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.value.StrategyId;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks from charting platforms (docs/webhooks.md). {@code POST /api/v1/webhooks/{token}} takes an
 * alert: the token in the path (platforms cannot set headers) names the strategy; the alert becomes
 * signals ({@link WebhookPayloads}) that go through the same parsing, risk checks and outcome as every
 * signal ({@link SignalIntake}), and each token has its own request limit. The path is never logged.
 *
 * <p>Administration (admin role): {@code POST /api/v1/webhooks} {@code {"strategy": "…"}} creates a
 * strategy's token and shows it once; {@code GET /api/v1/webhooks} lists the strategies with a token;
 * {@code DELETE /api/v1/webhooks/{id}} revokes the token of strategy {@code id}.
 */
public final class WebhookRoutes implements HttpRoutes {
    static final String PREFIX = "/api/v1/webhooks/";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    private final WebhookTokens tokens;
    private final SignalIntake intake;
    private final WebhooksConfig config;
    private final Clock clock;
    private final Map<StrategyId, TokenBucket> limits = new HashMap<>();

    @Inject
    public WebhookRoutes(WebhookTokens tokens, SignalIntake intake, OmsConfig config, Clock clock) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.intake = requireNonNull(intake, "intake is null");
        this.config = requireNonNull(config, "config is null").signals().webhooks();
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/webhooks/{token}", this::alert);
        routes.post("/api/v1/webhooks", this::create, Role.ADMIN);
        routes.get("/api/v1/webhooks", this::list, Role.ADMIN);
        routes.delete("/api/v1/webhooks/{id}", this::revoke, Role.ADMIN);
    }

    /** An alert carries its token instead of an API key. */
    static boolean isAlert(Context ctx) {
        String path = ctx.path();
        return "POST".equals(ctx.method().name()) && path.startsWith(PREFIX) && path.indexOf('/', PREFIX.length()) < 0;
    }

    /** {@code path} fit for a log line: an alert's token replaced. */
    static String redact(String path) {
        return path.startsWith(PREFIX) ? PREFIX + "***" : path;
    }

    private void alert(Context ctx) {
        Optional<StrategyId> strategy = tokens.strategyOf(ctx.pathParam("token"));
        if (strategy.isEmpty()) {
            throw ApiException.notFound("no such webhook");
        }
        admit(strategy.get());
        byte[] bytes = ApiJson.boundedBody(ctx);
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (body.isBlank()) {
            throw ApiException.badRequest("the alert needs a JSON object body");
        }
        Map<String, Object> payload = ApiJson.plain(ApiJson.object(bytes));
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!WebhookPayloads.QUERY_FIELDS.contains(name)) {
                unknown.put(
                        name,
                        "unknown query parameter; allowed: "
                                + String.join(
                                        ", ",
                                        WebhookPayloads.QUERY_FIELDS.stream()
                                                .sorted()
                                                .toList()));
            } else if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.invalidFields(unknown);
        }
        List<Map<String, Object>> signals =
                WebhookPayloads.signals(payload, query, body, strategy.get(), clock.instant());
        LOG.info("webhook alert for strategy {}: {} signal(s)", strategy.get().value(), signals.size());
        List<SignalOutcome> outcomes = new ArrayList<>();
        for (Map<String, Object> signal : signals) {
            outcomes.add(intake.place(signal, Optional.empty(), strategy));
        }
        if (outcomes.size() == 1) {
            answer(ctx, outcomes.get(0));
            return;
        }
        ApiJson.write(
                ctx,
                200,
                Map.of("results", outcomes.stream().map(SignalOutcome::fields).toList()));
    }

    private static void answer(Context ctx, SignalOutcome outcome) {
        if (outcome instanceof SignalOutcome.Accepted accepted) {
            ApiJson.write(ctx, 201, withOrder(outcome, ApiViews.order(accepted.order())));
        } else if (outcome instanceof SignalOutcome.Rejected rejected) {
            ApiJson.write(ctx, 422, withOrder(outcome, ApiViews.order(rejected.order())));
        } else if (outcome instanceof SignalOutcome.Invalid invalid) {
            throw ApiException.invalidFields(invalid.problems().problems());
        } else if (outcome instanceof SignalOutcome.Conflict conflict) {
            throw new ApiException(
                    409,
                    "CLIENT_ORDER_ID_CONFLICT",
                    outcome.fields().get("message"),
                    Map.of("orderId", conflict.existing().value()));
        } else {
            SignalOutcome.Failed failed = (SignalOutcome.Failed) outcome;
            throw EngineCalls.failure(new OrderCommandResult.Failed(failed.code(), failed.message()));
        }
    }

    private static Map<String, Object> withOrder(SignalOutcome outcome, Map<String, Object> order) {
        Map<String, Object> body = new LinkedHashMap<>(outcome.fields());
        body.put("order", order);
        return body;
    }

    /** Each token's own budget: a runaway alert loop is refused (429) before it reaches the engine. */
    private void admit(StrategyId strategy) {
        long now = System.nanoTime();
        synchronized (limits) {
            TokenBucket bucket = limits.computeIfAbsent(
                    strategy, s -> new TokenBucket(config.burst(), config.requestsPerMinute() * 1000L / 60, now));
            bucket.refill(now);
            if (!bucket.hasRoom()) {
                long seconds = Math.max(1, bucket.secondsUntilRoom());
                throw new ApiException(
                        429,
                        "TOO_MANY_REQUESTS",
                        "the webhook of strategy " + strategy.value() + " is over its limit of "
                                + config.requestsPerMinute() + " requests a minute (burst " + config.burst()
                                + "); retry in " + seconds + " s",
                        Map.of("retryAfterSeconds", seconds));
            }
            bucket.take();
        }
    }

    private void create(Context ctx) {
        RequestFields fields = new RequestFields(ApiJson.body(ctx, false), Set.of("strategy"));
        Optional<StrategyId> strategy = fields.convert("strategy", fields.requiredText("strategy"), StrategyId::of);
        fields.check();
        String token;
        try {
            token = tokens.create(strategy.orElseThrow());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().replaceFirst("^strategy: ", "");
            throw message.contains("exists already")
                    ? new ApiException(
                            409,
                            "CONFLICT",
                            "strategy " + strategy.get().value() + " has a webhook token"
                                    + " already; revoke it first to replace it")
                    : ApiException.invalidField("strategy", message);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strategy", strategy.get().value());
        body.put("token", token);
        body.put("path", PREFIX + token);
        ApiJson.write(ctx, 201, body);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoredApiKey key : tokens.list()) {
            items.add(
                    Map.of("strategy", key.name(), "createdAt", key.createdAt().toString()));
        }
        ApiJson.write(ctx, 200, Map.of("items", items));
    }

    private void revoke(Context ctx) {
        String strategy = ctx.pathParam("id");
        try {
            tokens.revoke(strategy);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no webhook token for strategy " + StrictValues.printable(strategy));
        }
        ApiJson.write(ctx, 200, Map.of("strategy", strategy, "revoked", true));
    }
}
