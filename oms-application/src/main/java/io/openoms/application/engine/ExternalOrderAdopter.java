package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.IdGenerator;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts an order found at the broker that we do not know — carrying our tag (lost by us, e.g.
 * after an unknown submit and a restart) or none (placed outside OpenOMS) — as an order of strategy
 * {@link EngineControl#EXTERNAL_STRATEGY} in the account bound to that broker, so its fills reach
 * positions. How it was adopted, or why not, goes to the reconciliation log. Engine thread only.
 */
final class ExternalOrderAdopter {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalOrderAdopter.class);
    static final AccountId UNKNOWN_ACCOUNT = AccountId.of("unknown");

    private final EngineState state;
    private final OrderRecorder recorder;
    private final EngineFindings findings;
    private final IdGenerator ids;
    private final EngineConfig config;

    ExternalOrderAdopter(
            EngineState state, OrderRecorder recorder, EngineFindings findings, IdGenerator ids, EngineConfig config) {
        this.state = requireNonNull(state, "state is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.findings = requireNonNull(findings, "findings is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.config = requireNonNull(config, "config is null");
    }

    void adopt(String broker, BrokerOrder atBroker, Unit unit, Instant now) {
        FindingKind kind = atBroker.clientOrderId().isPresent() ? FindingKind.UNKNOWN_ORDER : FindingKind.FOREIGN_ORDER;
        Optional<AccountId> account = config.accountOfBroker(broker);
        if (account.isEmpty()) {
            finding(unit, UNKNOWN_ACCOUNT, kind, atBroker, "not adopted: no account is bound to broker " + broker, now);
            return;
        }
        if (atBroker.status() == OrderStatus.REJECTED) {
            finding(unit, account.get(), kind, atBroker, "not adopted: rejected at the broker", now);
            return;
        }
        ClientOrderId id = atBroker.clientOrderId().orElseGet(ids::nextOrderId);
        OrderRequest request;
        try {
            request = requestOf(atBroker, account.get());
        } catch (IllegalArgumentException e) {
            finding(unit, account.get(), kind, atBroker, "not adopted: " + e.getMessage(), now);
            return;
        }
        OrderManager orders = state.orders();
        recorder.record(unit, orders.create(id, request, Optional.empty(), now));
        recorder.record(unit, orders.release(id, now));
        recorder.record(unit, orders.markSubmitted(id, now));
        recorder.applyBrokerView(orders.get(id), atBroker, unit, now);
        finding(
                unit,
                account.get(),
                kind,
                atBroker,
                "adopted as external order " + id + " of strategy " + EngineControl.EXTERNAL_STRATEGY,
                now);
    }

    private static OrderRequest requestOf(BrokerOrder atBroker, AccountId account) {
        OrderRequest.Builder builder = OrderRequest.builder()
                .account(account)
                .strategy(EngineControl.EXTERNAL_STRATEGY)
                .instrument(atBroker.instrument())
                .side(atBroker.side())
                .type(atBroker.type())
                .quantity(atBroker.quantity())
                .timeInForce(TimeInForce.GTC)
                .product(atBroker.product());
        if (atBroker.type().requiresLimitPrice()) {
            atBroker.limitPrice().ifPresent(builder::limitPrice);
        }
        if (atBroker.type().requiresTriggerPrice()) {
            atBroker.triggerPrice().ifPresent(builder::triggerPrice);
        }
        return builder.build();
    }

    private static String describe(BrokerOrder o) {
        return o.side() + " " + o.quantity() + " " + o.instrument() + " " + o.type() + " " + o.product() + ", filled "
                + o.filledQuantity() + ", status " + o.brokerStatus()
                + o.tag().map(t -> ", tag " + t).orElse("");
    }

    private void finding(
            Unit unit, AccountId account, FindingKind kind, BrokerOrder atBroker, String action, Instant now) {
        ReconciliationFinding finding = new ReconciliationFinding(
                "engine",
                account,
                kind,
                "broker order " + atBroker.brokerOrderId(),
                "no such order",
                describe(atBroker),
                action,
                now);
        LOG.info("{} {}: {}", kind, atBroker.brokerOrderId(), action);
        findings.writeWhenDurable(unit, finding);
        unit.publish(new OmsEvent.ReconciliationFound(finding));
    }
}
