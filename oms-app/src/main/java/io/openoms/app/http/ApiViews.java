package io.openoms.app.http;

import static io.openoms.app.http.ApiJson.decimal;

import io.openoms.application.engine.DayPnl;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRejected;
import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.order.OrderEvent.OrderErrored;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.port.in.ReconciliationReport;
import io.openoms.domain.position.AccountPortfolio;
import io.openoms.domain.position.PortfolioTotals;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.StrategyPortfolio;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of the API, as ordered maps. Names are a contract scripts rely on (issue 6); add
 * fields, never rename. Decimals are strings at the scales of {@link ApiDecimals}, instants ISO-8601
 * UTC strings, absent values {@code null}.
 */
final class ApiViews {
    private ApiViews() {}

    static Map<String, Object> order(Order order) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", order.id().value());
        out.put("clientOrderId", order.id().value());
        out.put("brokerOrderId", order.brokerOrderId().map(Object::toString).orElse(null));
        out.put("status", order.status().name());
        out.put("instrument", order.instrument().toString());
        out.put("side", order.side().name());
        out.put("type", order.type().name());
        out.put("quantity", decimal(order.quantity().value()));
        out.put("price", price(order.limitPrice()));
        out.put("triggerPrice", price(order.triggerPrice()));
        out.put("timeInForce", order.timeInForce().name());
        out.put("expiresAt", instant(order.expiresAt()));
        out.put("product", order.product().code());
        out.put("filledQuantity", decimal(order.filledQuantity().value()));
        out.put("remainingQuantity", decimal(order.remainingQuantity().value()));
        out.put("averageFillPrice", price(order.averageFillPrice()));
        out.put("fees", money(order.totalFees()));
        out.put("account", order.account().value());
        out.put("strategy", order.strategy().value());
        out.put("tag", order.tag().orElse(null));
        out.put("reduceOnly", order.reduceOnly());
        out.put("rejection", order.rejection().map(ApiViews::rejection).orElse(null));
        out.put(
                "outcomeUnknown",
                order.outcomeUnknown()
                        .map(unknown -> {
                            Map<String, Object> u = new LinkedHashMap<>();
                            u.put("operation", unknown.operation().name());
                            u.put("reason", unknown.reason());
                            u.put("since", unknown.since().toString());
                            return u;
                        })
                        .orElse(null));
        out.put("createdAt", order.createdAt().toString());
        out.put("updatedAt", order.updatedAt().toString());
        return out;
    }

    /** An order with its fills and its event history: {@code GET /orders/{id}}. */
    static Map<String, Object> orderDetail(Order order, List<OrderEvent> history) {
        Map<String, Object> out = order(order);
        out.put("fills", order.fills().stream().map(ApiViews::fill).toList());
        out.put("events", history.stream().map(ApiViews::event).toList());
        return out;
    }

    static Map<String, Object> rejection(Rejection rejection) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", rejection.source().name());
        out.put("check", rejection.check().orElse(null));
        out.put("reason", rejection.reason());
        return out;
    }

    static Map<String, Object> fill(Fill fill) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tradeId", fill.tradeId().toString());
        out.put("quantity", decimal(fill.quantity().value()));
        out.put("price", ApiDecimals.price(fill.price()));
        out.put("fee", money(fill.fee()));
        out.put("executedAt", fill.executedAt().toString());
        out.put("liquidity", fill.liquidity().map(Enum::name).orElse(null));
        return out;
    }

    /** One order event: its per-order sequence, type and time, and what it carries. */
    static Map<String, Object> event(OrderEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orderId", event.orderId().value());
        out.put("sequence", event.sequence());
        out.put("type", event.type());
        out.put("occurredAt", event.occurredAt().toString());
        if (event instanceof OrderCreated created) {
            out.put("expiresAt", instant(created.expiresAt()));
        } else if (event instanceof OrderAccepted accepted) {
            out.put("brokerOrderId", accepted.brokerOrderId().toString());
        } else if (event instanceof OrderRejected rejected) {
            out.put("rejection", rejection(rejected.rejection()));
        } else if (event instanceof OrderFilled filled) {
            out.put("fill", fill(filled.fill()));
        } else if (event instanceof OrderCancelRejected rejected) {
            out.put("reason", rejected.reason());
        } else if (event instanceof OrderModifyRequested requested) {
            out.put("modification", modification(requested.modification()));
        } else if (event instanceof OrderModified modified) {
            out.put("modification", modification(modified.modification()));
        } else if (event instanceof OrderModifyRejected rejected) {
            out.put("reason", rejected.reason());
        } else if (event instanceof OrderErrored errored) {
            out.put("reason", errored.reason());
        } else if (event instanceof OrderLocked locked) {
            out.put("lock", locked.lock().name());
            out.put("until", locked.until().toString());
        } else if (event instanceof OrderOutcomeUnknown unknown) {
            out.put("operation", unknown.operation().name());
            out.put("reason", unknown.reason());
        }
        return out;
    }

    static Map<String, Object> modification(OrderModification modification) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quantity", modification.quantity().map(q -> decimal(q.value())).orElse(null));
        out.put("price", price(modification.limitPrice()));
        out.put("triggerPrice", price(modification.triggerPrice()));
        return out;
    }

    static Map<String, Object> position(Position position) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", position.key().account().value());
        out.put("strategy", position.key().strategy().value());
        out.put("instrument", position.key().instrument().toString());
        out.put("product", position.key().product().code());
        out.put("side", position.side().name());
        out.put("quantity", decimal(position.signedQuantity()));
        out.put("averagePrice", price(position.averagePrice()));
        out.put("lastPrice", price(position.lastMark()));
        out.put("realizedPnl", money(position.realizedPnl()));
        out.put("unrealizedPnl", money(position.unrealizedPnl()));
        out.put("fees", money(position.fees()));
        out.put("openedAt", position.openedAt().toString());
        out.put("closedAt", instant(position.closedAt()));
        return out;
    }

    static Map<String, Object> totals(PortfolioTotals totals) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("realizedPnl", money(totals.realizedPnl()));
        out.put("unrealizedPnl", money(totals.unrealizedPnl()));
        out.put("totalPnl", money(totals.totalPnl()));
        out.put("fees", money(totals.fees()));
        out.put("grossExposure", money(totals.grossExposure()));
        out.put("netExposure", money(totals.netExposure()));
        out.put("longExposure", money(totals.longExposure()));
        out.put("shortExposure", money(totals.shortExposure()));
        out.put("openPositions", totals.openPositions());
        return out;
    }

    static Map<String, Object> portfolio(AccountPortfolio portfolio, Optional<DayPnl> day, long openOrders) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", portfolio.account().value());
        out.put("totals", totals(portfolio.totals()));
        out.put(
                "dailyPnl",
                day.map(d -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("dayStart", d.dayStart().toString());
                            m.put("pnl", money(d.pnl()));
                            m.put("peak", money(d.peak()));
                            m.put("drawdown", money(d.drawdown()));
                            m.put("observedAt", d.observedAt().toString());
                            return m;
                        })
                        .orElse(null));
        out.put("openOrders", openOrders);
        List<Map<String, Object>> strategies = portfolio.strategies().stream()
                .map((StrategyPortfolio s) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("strategy", s.strategy().value());
                    m.put("totals", totals(s.totals()));
                    return m;
                })
                .toList();
        out.put("strategies", strategies);
        return out;
    }

    static Map<String, Object> tradingState(AccountId account, TradingStateChange change) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", account.value());
        out.put("state", change.state().name());
        out.put("reason", change.reason());
        out.put("changedBy", change.changedBy());
        out.put("changedAt", change.changedAt().toString());
        return out;
    }

    static Map<String, Object> finding(ReconciliationFinding finding) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", finding.runId());
        out.put("account", finding.account().value());
        out.put("kind", finding.kind().name());
        out.put("subject", finding.subject());
        out.put("expected", finding.expected());
        out.put("actual", finding.actual());
        out.put("action", finding.action());
        out.put("foundAt", finding.foundAt().toString());
        return out;
    }

    static Map<String, Object> report(ReconciliationReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", report.runId());
        out.put("startedAt", report.startedAt().toString());
        out.put("finishedAt", report.finishedAt().toString());
        out.put("findings", report.findings().stream().map(ApiViews::finding).toList());
        return out;
    }

    static Map<String, Object> page(List<?> items, Optional<String> next) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("next", next.orElse(null));
        return out;
    }

    static String price(Optional<Price> price) {
        return price.map(ApiDecimals::price).orElse(null);
    }

    static String money(Money money) {
        return ApiDecimals.money(money);
    }

    static String instant(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
