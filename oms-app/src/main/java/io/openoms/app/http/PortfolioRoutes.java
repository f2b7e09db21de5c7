package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.application.engine.EngineControl;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.PositionQueries;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.StrategyId;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/positions} ({@code includeClosed}, {@code account}, {@code strategy}, {@code
 * instrument}) and {@code GET /api/v1/portfolio} (per account: totals, per strategy, the day's P&amp;L,
 * exposure, the number of open orders). Viewer.
 */
public final class PortfolioRoutes implements HttpRoutes {
    private static final Set<OrderStatus> OPEN = EnumSet.of(
            OrderStatus.CREATED,
            OrderStatus.PENDING_SUBMISSION,
            OrderStatus.SUBMITTED,
            OrderStatus.ACCEPTED,
            OrderStatus.PARTIALLY_FILLED,
            OrderStatus.PENDING_CANCEL,
            OrderStatus.PENDING_MODIFY);

    private final PositionQueries positions;
    private final OrderQueries orders;
    private final EngineControl engine;
    private final ApiAccounts accounts;

    @Inject
    public PortfolioRoutes(PositionQueries positions, OrderQueries orders, EngineControl engine, ApiAccounts accounts) {
        this.positions = requireNonNull(positions, "positions is null");
        this.orders = requireNonNull(orders, "orders is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/positions", this::positions, Role.VIEWER);
        routes.get("/api/v1/portfolio", this::portfolio, Role.VIEWER);
    }

    private void positions(Context ctx) {
        String includeClosedText = ctx.queryParam("includeClosed");
        if (includeClosedText != null && !includeClosedText.matches("true|false")) {
            throw ApiException.invalidField("includeClosed", "must be true or false");
        }
        boolean includeClosed = Boolean.parseBoolean(includeClosedText);
        Optional<String> account =
                Optional.ofNullable(ctx.queryParam("account")).filter(s -> !s.isEmpty());
        Optional<String> strategy = Optional.ofNullable(ctx.queryParam("strategy"))
                .filter(s -> !s.isEmpty())
                .map(s -> checked("strategy", () -> StrategyId.of(s).value()));
        Optional<String> instrument = Optional.ofNullable(ctx.queryParam("instrument"))
                .or(() -> Optional.ofNullable(ctx.queryParam("symbol")))
                .filter(s -> !s.isEmpty())
                .map(s -> checked("instrument", () -> accounts.instrument(s).toString()));
        List<Position> all = account.isPresent()
                ? positions.positions(accounts.resolve(account.get()), includeClosed)
                : positions.positions(includeClosed);
        List<Map<String, Object>> items = all.stream()
                .filter(p ->
                        strategy.map(s -> p.key().strategy().value().equals(s)).orElse(true))
                .filter(p -> instrument
                        .map(i -> p.key().instrument().toString().equals(i))
                        .orElse(true))
                .map(ApiViews::position)
                .toList();
        ApiJson.write(ctx, 200, ApiViews.page(items, Optional.empty()));
    }

    private void portfolio(Context ctx) {
        String named = ctx.queryParam("account");
        List<AccountId> selected =
                named == null || named.isEmpty() ? accounts.accounts() : List.of(accounts.resolve(named));
        List<Map<String, Object>> items = selected.stream()
                .map(account ->
                        ApiViews.portfolio(positions.portfolio(account), engine.dayPnl(account), openOrders(account)))
                .toList();
        ApiJson.write(ctx, 200, Map.of("accounts", items));
    }

    private static String checked(String field, java.util.function.Supplier<String> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, e.getMessage());
        }
    }

    private long openOrders(AccountId account) {
        long count = 0;
        Optional<String> cursor = Optional.empty();
        do {
            OrderPage page = orders.orders(new OrderQuery(
                    OPEN,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(account),
                    Optional.empty(),
                    Optional.empty(),
                    cursor,
                    OrderQuery.MAX_LIMIT));
            count += page.items().size();
            cursor = page.next();
        } while (cursor.isPresent());
        return count;
    }
}
