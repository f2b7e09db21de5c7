package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.application.intake.ParsedSignal;
import io.openoms.application.intake.SignalParser;
import io.openoms.application.intake.StrictValues;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.InvalidOrderRequestException;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.RejectionSource;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders: submit ({@code POST /api/v1/orders}), signals ({@code POST /api/v1/signals}), list, show,
 * modify ({@code PATCH}), cancel ({@code DELETE}) and cancel-all. See {@code docs/api.md}.
 *
 * <p>Idempotency: a submit naming a {@code clientOrderId} that exists answers 200 with that order
 * (422 when it was risk-rejected, as the first answer was) and submits nothing; when the repeat
 * differs from the stored order in instrument, side, quantity, type, prices, account or strategy it
 * is a client bug and answers 409. Two concurrent first submits with one id both get the one order
 * (the engine deduplicates), both with 201.
 */
public final class OrderRoutes implements HttpRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OrderRoutes.class);
    private static final int DEFAULT_PAGE = 100;
    private static final String DEFAULT_STRATEGY = "manual";

    private static final Set<String> ORDER_FIELDS = Set.of(
            "instrument",
            "side",
            "quantity",
            "type",
            "price",
            "triggerPrice",
            "timeInForce",
            "expiresAt",
            "expiresInSeconds",
            "product",
            "account",
            "strategy",
            "tag",
            "clientOrderId",
            "reduceOnly",
            "stopLoss",
            "takeProfit");
    private static final Set<String> MODIFY_FIELDS = Set.of("quantity", "price", "triggerPrice");
    private static final Set<String> CANCEL_ALL_FIELDS = Set.of("account", "strategy", "instrument", "symbol");

    private final OrderEntry entry;
    private final OrderQueries queries;
    private final ApiAccounts accounts;

    @Inject
    public OrderRoutes(OrderEntry entry, OrderQueries queries, ApiAccounts accounts) {
        this.entry = requireNonNull(entry, "entry is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/orders", this::submit, Role.TRADER);
        routes.post("/api/v1/orders/cancel-all", this::cancelAll, Role.TRADER);
        routes.post("/api/v1/signals", this::signal, Role.TRADER);
        routes.get("/api/v1/orders", this::list, Role.VIEWER);
        routes.get("/api/v1/orders/{id}", this::show, Role.VIEWER);
        routes.patch("/api/v1/orders/{id}", this::modify, Role.TRADER);
        routes.delete("/api/v1/orders/{id}", this::cancel, Role.TRADER);
    }

    private void submit(Context ctx) {
        RequestFields fields = new RequestFields(ApiJson.body(ctx, false), ORDER_FIELDS);
        Optional<ClientOrderId> clientOrderId =
                fields.convert("clientOrderId", fields.text("clientOrderId"), ClientOrderId::of);
        Optional<OrderRequest> request = orderRequest(fields);
        fields.check();
        place(ctx, new SubmitOrder(request.orElseThrow(), clientOrderId));
    }

    private Optional<OrderRequest> orderRequest(RequestFields fields) {
        Optional<InstrumentId> instrument =
                fields.convert("instrument", fields.requiredText("instrument"), InstrumentId::parse);
        Optional<Side> side = fields.enumValue("side", Side.class, true);
        Optional<Quantity> quantity =
                fields.requiredDecimal("quantity").flatMap(q -> fields.attempt("quantity", () -> Quantity.of(q)));
        Optional<OrderType> type = fields.enumValue("type", OrderType.class, true);
        Optional<Price> price = fields.decimal("price").flatMap(p -> fields.attempt("price", () -> Price.of(p)));
        Optional<Price> trigger =
                fields.decimal("triggerPrice").flatMap(p -> fields.attempt("triggerPrice", () -> Price.of(p)));
        Optional<TimeInForce> timeInForce = fields.enumValue("timeInForce", TimeInForce.class, false);
        Optional<Instant> expiresAt = fields.instant("expiresAt");
        Optional<Long> expiresIn = fields.wholeNumber("expiresInSeconds");
        Optional<Product> product = fields.convert("product", fields.text("product"), Product::of);
        Optional<AccountId> account = accounts.resolve(fields, fields.text("account"));
        Optional<StrategyId> strategy = fields.convert(
                "strategy", Optional.of(fields.text("strategy").orElse(DEFAULT_STRATEGY)), StrategyId::of);
        Optional<String> tag = fields.text("tag");
        boolean reduceOnly = fields.bool("reduceOnly").orElse(false);
        Optional<Price> stopLoss =
                fields.decimal("stopLoss").flatMap(p -> fields.attempt("stopLoss", () -> Price.of(p)));
        Optional<Price> takeProfit =
                fields.decimal("takeProfit").flatMap(p -> fields.attempt("takeProfit", () -> Price.of(p)));
        if (fields.hasProblems()) {
            return Optional.empty();
        }
        try {
            OrderRequest.Builder builder = OrderRequest.builder()
                    .account(account.orElseThrow())
                    .strategy(strategy.orElseThrow())
                    .instrument(instrument.orElseThrow())
                    .side(side.orElseThrow())
                    .type(type.orElseThrow())
                    .quantity(quantity.orElseThrow())
                    .reduceOnly(reduceOnly);
            price.ifPresent(builder::limitPrice);
            trigger.ifPresent(builder::triggerPrice);
            timeInForce.ifPresent(builder::timeInForce);
            expiresAt.ifPresent(builder::expiresAt);
            expiresIn.ifPresent(seconds -> builder.expiresIn(Duration.ofSeconds(seconds)));
            product.ifPresent(builder::product);
            tag.ifPresent(builder::tag);
            stopLoss.ifPresent(builder::stopLoss);
            takeProfit.ifPresent(builder::takeProfit);
            return Optional.of(builder.build());
        } catch (InvalidOrderRequestException e) {
            String field = e.field().equals("expiresIn") ? "expiresInSeconds" : e.field();
            String message = e.getMessage().startsWith(e.field() + ": ")
                    ? e.getMessage().substring(e.field().length() + 2)
                    : e.getMessage();
            fields.problem(field, message);
            return Optional.empty();
        }
    }

    /**
     * A signal, read by the {@link SignalParser} every way in shares (Redis, webhooks): a market order (or
     * a limit order, with {@code type} and {@code price}) whose {@code reason} is kept in full in the log
     * and in short in the order's {@code tag}.
     */
    private void signal(Context ctx) {
        ParsedSignal parsed = accounts.signals().parse(ApiJson.plain(ApiJson.body(ctx, false)));
        if (parsed instanceof ParsedSignal.Invalid invalid) {
            throw ApiException.invalidFields(invalid.problems());
        }
        ParsedSignal.Valid signal = (ParsedSignal.Valid) parsed;
        OrderRequest request = signal.order().request();
        LOG.info(
                "signal for {} {} {}: {}",
                request.side(),
                request.quantity(),
                request.instrument(),
                signal.reason().replaceAll("[\\r\\n]", " "));
        place(ctx, signal.order());
    }

    private void place(Context ctx, SubmitOrder command) {
        // Whether the id is already taken decides 200 (a retry, answered with the stored order) or 201; the
        // engine decides whether a reuse is a retry or a conflict, for Java callers of the port too.
        boolean retry = command.clientOrderId().flatMap(queries::order).isPresent();
        OrderCommandResult result = EngineCalls.await(entry.submit(command));
        if (result instanceof OrderCommandResult.Failed failed
                && failed.code() == FailureCode.VALIDATION_CLIENT_ORDER_ID_CONFLICT) {
            Optional<Order> stored = command.clientOrderId().flatMap(queries::order);
            throw new ApiException(
                    409,
                    "CLIENT_ORDER_ID_CONFLICT",
                    failed.message(),
                    stored.<Map<String, Object>>map(order -> Map.of("order", ApiViews.order(order)))
                            .orElse(Map.of()));
        }
        if (retry && result instanceof OrderCommandResult.Accepted accepted) {
            ApiJson.write(ctx, riskRejected(accepted.order()) ? 422 : 200, ApiViews.order(accepted.order()));
        } else if (retry && result instanceof OrderCommandResult.Rejected rejected) {
            ApiJson.write(ctx, riskRejected(rejected.order()) ? 422 : 200, ApiViews.order(rejected.order()));
        } else if (result instanceof OrderCommandResult.Accepted accepted) {
            ctx.header("Location", "/api/v1/orders/" + accepted.order().id().value());
            ApiJson.write(ctx, 201, ApiViews.order(accepted.order()));
        } else if (result instanceof OrderCommandResult.Rejected rejected) {
            ctx.header("Location", "/api/v1/orders/" + rejected.order().id().value());
            ApiJson.write(ctx, 422, ApiViews.order(rejected.order()));
        } else {
            throw EngineCalls.failure((OrderCommandResult.Failed) result);
        }
    }

    private static boolean riskRejected(Order order) {
        return order.status() == OrderStatus.REJECTED
                && order.rejection()
                        .map(r -> r.source() == RejectionSource.RISK)
                        .orElse(false);
    }

    private void list(Context ctx) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        for (String value : ctx.queryParams("status")) {
            for (String part : value.split(",")) {
                if (part.isEmpty()) {
                    continue;
                }
                statuses.add(StrictValues.exactEnum(part, OrderStatus.class)
                        .orElseThrow(() -> ApiException.invalidField(
                                "status",
                                "'" + StrictValues.printable(part) + "' is not allowed; allowed, exactly as written: "
                                        + RequestFields.allowed(OrderStatus.class))));
            }
        }
        Optional<InstrumentId> instrument = Optional.ofNullable(ctx.queryParam("instrument"))
                .or(() -> Optional.ofNullable(ctx.queryParam("symbol")))
                .filter(text -> !text.isBlank())
                .map(text -> parse("instrument", () -> accounts.instrument(text)));
        Optional<StrategyId> strategy = Optional.ofNullable(ctx.queryParam("strategy"))
                .filter(text -> !text.isBlank())
                .map(text -> parse("strategy", () -> StrategyId.of(text)));
        Optional<AccountId> account = Optional.ofNullable(ctx.queryParam("account"))
                .filter(text -> !text.isEmpty())
                .map(accounts::resolve);
        Optional<Instant> from = instantParam(ctx, "from");
        Optional<Instant> to = instantParam(ctx, "to");
        int limit = intParam(ctx, "limit", DEFAULT_PAGE, 1, OrderQuery.MAX_LIMIT);
        Optional<String> cursor = Optional.ofNullable(ctx.queryParam("cursor"))
                .filter(text -> !text.isBlank())
                .map(this::issuedCursor);
        OrderQuery query =
                parse("from", () -> new OrderQuery(statuses, instrument, strategy, account, from, to, cursor, limit));
        OrderPage page;
        try {
            page = queries.orders(query);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this server gave: " + e.getMessage());
        }
        ApiJson.write(
                ctx,
                200,
                ApiViews.page(page.items().stream().map(ApiViews::order).toList(), page.next()));
    }

    /**
     * A page's {@code next} is the id of its last order; the store reads on from below that id. A cursor
     * that names no order was not issued here (mistyped, truncated, or from another server) and would
     * silently page from an arbitrary place, so it is refused.
     */
    private String issuedCursor(String text) {
        Optional<ClientOrderId> id;
        try {
            id = Optional.of(ClientOrderId.of(text));
        } catch (IllegalArgumentException e) {
            id = Optional.empty();
        }
        if (id.isEmpty() || queries.order(id.get()).isEmpty()) {
            throw ApiException.invalidField(
                    "cursor", "is not a cursor this server gave: pass back a page's 'next' unchanged");
        }
        return id.get().value();
    }

    private void show(Context ctx) {
        Order order = find(ctx);
        ApiJson.write(ctx, 200, ApiViews.orderDetail(order, queries.history(order.id())));
    }

    private void modify(Context ctx) {
        ClientOrderId id = orderId(ctx);
        RequestFields fields = new RequestFields(ApiJson.body(ctx, false), MODIFY_FIELDS);
        Optional<Quantity> quantity =
                fields.decimal("quantity").flatMap(q -> fields.attempt("quantity", () -> Quantity.of(q)));
        Optional<Price> price = fields.decimal("price").flatMap(p -> fields.attempt("price", () -> Price.of(p)));
        Optional<Price> trigger =
                fields.decimal("triggerPrice").flatMap(p -> fields.attempt("triggerPrice", () -> Price.of(p)));
        fields.check();
        if (quantity.isEmpty() && price.isEmpty() && trigger.isEmpty()) {
            throw ApiException.invalidFields(Map.of("quantity", "give at least one of quantity, price, triggerPrice"));
        }
        OrderModification modification = parse("quantity", () -> new OrderModification(quantity, price, trigger));
        answer(ctx, EngineCalls.await(entry.modify(new ModifyOrder(id, modification))));
    }

    private void cancel(Context ctx) {
        ClientOrderId id = orderId(ctx);
        answer(ctx, EngineCalls.await(entry.cancel(new CancelOrder(id))));
    }

    private void cancelAll(Context ctx) {
        ObjectNode body = ApiJson.body(ctx, true);
        RequestFields fields = new RequestFields(body, CANCEL_ALL_FIELDS);
        Optional<String> accountText = fields.text("account");
        Optional<AccountId> account =
                accountText.isPresent() ? accounts.resolve(fields, accountText) : Optional.empty();
        Optional<StrategyId> strategy = fields.convert("strategy", fields.text("strategy"), StrategyId::of);
        Optional<String> instrumentText = fields.text("instrument").or(() -> fields.text("symbol"));
        Optional<InstrumentId> instrument = fields.convert("instrument", instrumentText, accounts::instrument);
        fields.check();
        CancelAllResult answer = EngineCalls.await(entry.cancelAll(new CancelAllOrders(account, strategy, instrument)));
        if (answer instanceof CancelAllResult.Failed failed) {
            throw EngineCalls.failure(failed.code(), failed.message());
        }
        CancelAllResult.Requested result = (CancelAllResult.Requested) answer;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "requested",
                result.requested().stream().map(ClientOrderId::value).toList());
        Map<String, String> refused = new LinkedHashMap<>();
        result.refused().forEach((id, reason) -> refused.put(id.value(), reason));
        out.put("refused", refused);
        ApiJson.write(ctx, 202, out);
    }

    /**
     * Modify and cancel: 202 with the order (pending until the broker answers, or final if never sent). A
     * modification a risk check refused is 422 in the error shape: nothing was stored, the order is as it was.
     */
    private static void answer(Context ctx, OrderCommandResult result) {
        if (result instanceof OrderCommandResult.Accepted accepted) {
            ApiJson.write(ctx, 202, ApiViews.order(accepted.order()));
        } else if (result instanceof OrderCommandResult.Rejected rejected) {
            ApiJson.write(ctx, 422, ApiViews.order(rejected.order()));
        } else if (result instanceof OrderCommandResult.ModificationRefused refused) {
            throw new ApiException(
                    422,
                    "RISK_REJECTED",
                    "the modification of order " + refused.order().id().value() + " was refused by the risk check "
                            + refused.check() + ": " + refused.reason() + "; the order is unchanged and still working",
                    Map.of(
                            "rejection",
                            ApiViews.rejection(Rejection.byRisk(refused.check(), refused.reason())),
                            "order",
                            ApiViews.order(refused.order())));
        } else {
            throw EngineCalls.failure((OrderCommandResult.Failed) result);
        }
    }

    private Order find(Context ctx) {
        ClientOrderId id = orderId(ctx);
        return queries.order(id).orElseThrow(() -> ApiException.notFound("no order " + id.value()));
    }

    private static ClientOrderId orderId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return ClientOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no order " + text);
        }
    }

    private static Optional<Instant> instantParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be an ISO-8601 instant such as 2026-01-05T09:15:00Z");
        }
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        if (StrictValues.wholeNumberProblem(text).isPresent() || text.length() > 9) {
            throw ApiException.invalidField(
                    name,
                    "must be a whole number between " + min + " and " + max + " written with the digits 0-9, got '"
                            + StrictValues.printable(text) + "'");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw ApiException.invalidField(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, e.getMessage());
        }
    }
}
