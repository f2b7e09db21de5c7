package io.openoms.domain.testing.contract;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.FillOutcome;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Drives {@link OrderManager} and {@link PositionManager} as the engine does and collects what each
 * step changed into the next {@link JournalBatch}: the events in order, each changed order and
 * position once, as it stands after the last step. Ids, trade ids and times are deterministic;
 * every time is a whole number of microseconds after {@link ContractFixtures#T0}.
 */
final class EngineScript {
    private final OrderManager orders = new OrderManager();
    private final PositionManager positions = new PositionManager();
    private final List<OrderEvent> events = new ArrayList<>();
    private final Map<ClientOrderId, Order> changedOrders = new LinkedHashMap<>();
    private final Map<String, Position> changedPositions = new LinkedHashMap<>();
    private final List<OrderEvent> journalled = new ArrayList<>();
    private final String idPrefix;
    private long micros;
    private long nextOrder = 1;
    private long nextTrade = 1;
    private long nextBroker = 1;

    EngineScript() {
        this("O");
    }

    /** {@code idPrefix} starts every client order id, trade id and broker order id this script makes. */
    EngineScript(String idPrefix) {
        this.idPrefix = requireNonNull(idPrefix, "idPrefix is null");
    }

    OrderManager orders() {
        return orders;
    }

    PositionManager positions() {
        return positions;
    }

    /** The current script time. */
    Instant now() {
        return ContractFixtures.at(micros);
    }

    /** Moves the script time on by {@code micros} microseconds (zero keeps it, so times can tie). */
    EngineScript advance(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("time runs forward");
        }
        this.micros += micros;
        return this;
    }

    EngineScript accountingMethod(AccountId account, AccountingMethod method) {
        positions.setAccountingMethod(account, method);
        return this;
    }

    ClientOrderId nextOrderId() {
        return ClientOrderId.of(String.format("%s%08d", idPrefix, nextOrder++));
    }

    TradeId nextTradeId() {
        return TradeId.of(String.format("%sT%08d", idPrefix, nextTrade++));
    }

    BrokerOrderId nextBrokerOrderId() {
        return BrokerOrderId.of(String.format("%sB%08d", idPrefix, nextBroker++));
    }

    ClientOrderId create(OrderRequest request) {
        return create(request, Optional.empty());
    }

    ClientOrderId create(OrderRequest request, Instrument instrument) {
        return create(request, Optional.of(instrument));
    }

    private ClientOrderId create(OrderRequest request, Optional<Instrument> instrument) {
        ClientOrderId id = nextOrderId();
        record(() -> orders.create(id, request, instrument, now()));
        return id;
    }

    /** Creates, releases, submits and accepts an order; answers its id. */
    ClientOrderId working(OrderRequest request) {
        ClientOrderId id = create(request);
        release(id).submit(id).accept(id);
        return id;
    }

    EngineScript release(ClientOrderId id) {
        return record(() -> orders.release(id, now()));
    }

    EngineScript submit(ClientOrderId id) {
        return record(() -> orders.markSubmitted(id, now()));
    }

    EngineScript accept(ClientOrderId id) {
        return accept(id, nextBrokerOrderId());
    }

    EngineScript accept(ClientOrderId id, BrokerOrderId brokerOrderId) {
        return record(() -> orders.accept(id, brokerOrderId, now()));
    }

    EngineScript reject(ClientOrderId id, Rejection rejection) {
        return record(() -> orders.reject(id, rejection, now()));
    }

    EngineScript error(ClientOrderId id, String reason) {
        return record(() -> orders.error(id, reason, now()));
    }

    EngineScript requestCancel(ClientOrderId id) {
        return record(() -> orders.requestCancel(id, now()));
    }

    EngineScript confirmCancel(ClientOrderId id) {
        return record(() -> orders.confirmCancel(id, now()));
    }

    EngineScript rejectCancel(ClientOrderId id, String reason) {
        return record(() -> orders.rejectCancel(id, reason, now()));
    }

    EngineScript requestModify(ClientOrderId id, OrderModification modification) {
        return record(() -> orders.requestModify(id, modification, now()));
    }

    EngineScript confirmModify(ClientOrderId id) {
        return record(() -> orders.confirmModify(id, now()));
    }

    EngineScript rejectModify(ClientOrderId id, String reason) {
        return record(() -> orders.rejectModify(id, reason, now()));
    }

    EngineScript outcomeUnknown(ClientOrderId id, UnknownOperation operation, String reason) {
        return record(() -> orders.recordOutcomeUnknown(id, operation, reason, now()));
    }

    EngineScript expire(ClientOrderId id) {
        return record(() -> orders.expire(id, now()));
    }

    EngineScript lockCancelUntil(ClientOrderId id, Instant until) {
        return record(() -> orders.lockCancelUntil(id, until, now()));
    }

    EngineScript lockModifyUntil(ClientOrderId id, Instant until) {
        return record(() -> orders.lockModifyUntil(id, until, now()));
    }

    /** Fills {@code quantity} at {@code price} with {@code fee}, under a new trade id, executed now. */
    EngineScript fill(ClientOrderId id, String quantity, String price, String fee) {
        return fill(
                id,
                new Fill(
                        nextTradeId(),
                        Quantity.of(quantity),
                        Price.of(price),
                        Money.of(fee),
                        now(),
                        Optional.of(LiquiditySide.TAKER)));
    }

    /**
     * Applies {@code fill} to the order and, when the order took it, to the position of the order's
     * key. Throws when the order refuses it or already has it, so a script never silently drops a fill.
     */
    EngineScript fill(ClientOrderId id, Fill fill) {
        FillOutcome outcome = orders.applyFill(id, fill, now());
        if (!(outcome instanceof FillOutcome.Applied applied)) {
            throw new IllegalStateException("order " + id + " did not take fill " + fill.tradeId() + ": " + outcome);
        }
        Order order = applied.order();
        events.add(applied.event());
        changedOrders.put(order.id(), order);
        PositionKey key = new PositionKey(order.account(), order.strategy(), order.instrument(), order.product());
        changed(positions.apply(key, order.side(), fill).position());
        return this;
    }

    /** Marks every open position in {@code instrument} at {@code price}, now. */
    EngineScript mark(InstrumentId instrument, String price) {
        positions.mark(instrument, Price.of(price), now()).forEach(this::changed);
        return this;
    }

    /** What the steps since the last batch changed, as the next batch; the script starts a new one. */
    JournalBatch takeBatch() {
        JournalBatch batch =
                new JournalBatch(events, List.copyOf(changedOrders.values()), List.copyOf(changedPositions.values()));
        journalled.addAll(events);
        events.clear();
        changedOrders.clear();
        changedPositions.clear();
        return batch;
    }

    /** True when no step happened since the last batch. */
    boolean nothingToJournal() {
        return events.isEmpty() && changedOrders.isEmpty() && changedPositions.isEmpty();
    }

    /** Every event of every batch taken so far, in journal order. */
    List<OrderEvent> journalledEvents() {
        return List.copyOf(journalled);
    }

    private EngineScript record(Supplier<List<OrderEvent>> step) {
        List<OrderEvent> produced = step.get();
        events.addAll(produced);
        produced.forEach(event -> changedOrders.put(event.orderId(), orders.get(event.orderId())));
        return this;
    }

    private void changed(Position position) {
        // A position is identified by its key and the fill that opened it: a key reopened at the
        // same instant it closed still gives a second position.
        changedPositions.put(position.key() + "#" + position.tradeIds().get(0), position);
    }
}
