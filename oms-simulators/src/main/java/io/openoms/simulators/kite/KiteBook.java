package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.MockBrokerGateway;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.adapters.broker.mock.VenueOperation;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Kite view of the simulated venue: orders with their Kite-only fields and history rows, trades,
 * positions, margins and quotes; and the venue's update stream rendered as Kite order frames.
 *
 * <p>History rows come from the venue's truth ({@link SimulatedVenue#orders()}), compared after every
 * request and every venue update with what was last seen, so they are complete whatever the stream
 * faults; the intermediate statuses a real Kite order passes through (request received, validation,
 * open pending, modify and cancel pending, modified) are added around the venue's own. Frames come
 * from the venue's update stream (so its duplicate, out-of-order and malformed updates show on the
 * wire) with the Kite fields of the order added.
 *
 * <p>Threading: all state under one lock, held for a whole request. The venue pushes its updates
 * after each call; one pushed to the thread holding the lock is handled when that request settles, one
 * pushed by another thread waits for the lock. Frames go out under the lock, so in generation order.
 */
final class KiteBook implements BrokerUpdates {
    private static final String NOT_FOUND = "Couldn't find that `order_id`.";

    private final KiteSimulatorConfig config;
    private final SimulatedVenue venue;
    private final MockBrokerGateway gateway;
    private final KiteInstruments instruments;
    private final KiteFaults faults;
    private final KiteOrderRows rows;
    private final KitePortfolio portfolio;
    private final Consumer<String> stream;
    private final Runnable sessionGone;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, KiteOrder> orders = new LinkedHashMap<>();
    private final Map<BrokerOrderId, KiteOrder> byVenueId = new HashMap<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private KiteOrder placing;
    private long sequence;
    private long exchangeSequence;
    private long amoSequence;

    KiteBook(
            KiteSimulatorConfig config,
            SimulatedVenue venue,
            KiteInstruments instruments,
            KiteFaults faults,
            Consumer<String> stream,
            Runnable sessionGone) {
        this.config = requireNonNull(config, "config is null");
        this.venue = requireNonNull(venue, "venue is null");
        this.gateway = new MockBrokerGateway(venue);
        this.instruments = requireNonNull(instruments, "instruments is null");
        this.faults = requireNonNull(faults, "faults is null");
        this.stream = requireNonNull(stream, "stream is null");
        this.rows = new KiteOrderRows(config, instruments, stream);
        this.portfolio = new KitePortfolio(config, venue, instruments);
        this.sessionGone = requireNonNull(sessionGone, "sessionGone is null");
    }

    /** Runs {@code action} (a venue call, say) under the lock, then brings the book up to date. */
    <T> T operate(Supplier<T> action) {
        lock.lock();
        try {
            sync();
            try {
                return action.get();
            } finally {
                settle();
            }
        } finally {
            lock.unlock();
        }
    }

    void run(Runnable action) {
        operate(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public void orderUpdated(String broker, BrokerOrder order) {
        onVenueUpdate(() -> streamOrder(order));
    }

    @Override
    public void tradeReported(String broker, BrokerTrade trade) {
        onVenueUpdate(() -> {});
    }

    @Override
    public void malformedPayload(String broker, String rawPayload, String problem) {
        onVenueUpdate(() -> stream.accept(rawPayload));
    }

    @Override
    public void streamReconnected(String broker) {
        onVenueUpdate(() -> {});
    }

    private void onVenueUpdate(Runnable handling) {
        if (lock.isHeldByCurrentThread()) {
            deferred.add(handling);
            return;
        }
        lock.lock();
        try {
            sync();
            handling.run();
            settle();
        } finally {
            lock.unlock();
        }
    }

    private void settle() {
        sync();
        while (!deferred.isEmpty()) {
            List<Runnable> batch = List.copyOf(deferred);
            deferred.clear();
            batch.forEach(Runnable::run);
            sync();
        }
    }

    String place(String variety, KiteForms form) {
        return operate(() -> {
            KiteOrderFields.requireVariety(variety);
            KiteOrder order = parsePlacement(variety, form);
            if (variety.equals("amo")) {
                order.orderId = String.format("2%018d", ++amoSequence);
                order.awaitingRelease = true;
                orders.put(order.orderId, order);
                rows.addRow(order, "AMO REQ RECEIVED", Optional.empty(), order.orderTimestamp);
                return order.orderId;
            }
            BrokerResult<BrokerOrderId> result = submit(order);
            unwrap(result, VenueOperation.PLACE, () -> orderIdBody(order));
            return order.orderId;
        });
    }

    String modify(String variety, String orderId, KiteForms form) {
        return operate(() -> {
            KiteOrder order = orderOfVariety(variety, orderId);
            Optional<String> type = form.get("order_type");
            if (type.isPresent() && !type.get().equals(order.orderType)) {
                throw new KiteApiException(KiteError.input("The simulator cannot change the `order_type` of an order"));
            }
            Optional<Quantity> quantity =
                    form.get("quantity").map(text -> Quantity.of(KiteOrderFields.positiveInt(text, "quantity")));
            Optional<Price> price = form.get("price")
                    .filter(text -> order.orderType.equals("LIMIT") || order.orderType.equals("SL"))
                    .map(text -> KiteOrderFields.positivePrice(text, "price"));
            Optional<Price> trigger = form.get("trigger_price")
                    .filter(text -> order.orderType.startsWith("SL"))
                    .map(text -> KiteOrderFields.positivePrice(text, "trigger_price"));
            String validity =
                    form.get("validity").map(KiteOrderFields::validity).orElse(order.validity);
            int ttl = KiteOrderFields.ttl(validity, form);
            int disclosed = KiteOrderFields.disclosed(form, quantity.orElse(order.quantity));
            Instant now = venue.now();
            if (order.awaitingRelease) {
                quantity.ifPresent(q -> order.quantity = q);
                price.ifPresent(p -> order.price = Optional.of(p));
                trigger.ifPresent(p -> order.triggerPrice = Optional.of(p));
                recordModification(order, validity, ttl, disclosed, now);
                rows.addRow(order, "AMO REQ RECEIVED", Optional.empty(), now);
                return order.orderId;
            }
            if (order.isTerminal()) {
                throw new KiteApiException(KiteError.input(
                        "Order cannot be modified as it is " + order.status().toLowerCase(java.util.Locale.ROOT)));
            }
            BrokerOrder before = order.lastSeen.orElseThrow();
            Optional<Quantity> newQuantity = quantity.filter(q -> !q.equals(before.quantity()));
            Optional<Price> newPrice = price.filter(p -> !Optional.of(p).equals(before.limitPrice()));
            Optional<Price> newTrigger = trigger.filter(p -> !Optional.of(p).equals(before.triggerPrice()));
            BrokerResult<BrokerOrderId> result;
            boolean applied;
            if (newQuantity.isEmpty() && newPrice.isEmpty() && newTrigger.isEmpty()) {
                result = BrokerResult.success(before.brokerOrderId());
                applied = true;
            } else {
                result = gateway.modify(handle(before, now), new OrderModification(newQuantity, newPrice, newTrigger));
                BrokerOrder after = venue.order(before.brokerOrderId()).orElseThrow();
                applied = result instanceof BrokerResult.Success<BrokerOrderId>
                        || (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId>
                                && newQuantity
                                        .map(q -> q.equals(after.quantity()))
                                        .orElse(true)
                                && newPrice.map(p -> Optional.of(p).equals(after.limitPrice()))
                                        .orElse(true)
                                && newTrigger
                                        .map(p -> Optional.of(p).equals(after.triggerPrice()))
                                        .orElse(true));
            }
            if (applied) {
                rows.addRow(order, "MODIFY VALIDATION PENDING", before, now);
                rows.addRow(order, "MODIFY PENDING", before, now);
                recordModification(order, validity, ttl, disclosed, now);
                order.modifyApplied = true;
                order.lastSeen = Optional.empty();
            }
            unwrap(result, VenueOperation.MODIFY, () -> orderIdBody(order));
            return order.orderId;
        });
    }

    /** The Kite-only fields a modify changes, whether or not the order has reached the venue yet. */
    private static void recordModification(KiteOrder order, String validity, int ttl, int disclosed, Instant now) {
        order.validity = validity;
        order.validityTtl = ttl;
        order.disclosedQuantity = disclosed;
        order.modified = true;
        order.orderTimestamp = now;
    }

    String cancel(String variety, String orderId) {
        return operate(() -> {
            KiteOrder order = orderOfVariety(variety, orderId);
            Instant now = venue.now();
            if (order.awaitingRelease) {
                order.awaitingRelease = false;
                rows.closeUnsent(order, "CANCELLED", Optional.empty(), now);
                return order.orderId;
            }
            if (order.isTerminal()) {
                throw new KiteApiException(KiteError.input(
                        "Order cannot be cancelled as it is " + order.status().toLowerCase(java.util.Locale.ROOT)));
            }
            BrokerOrder before = order.lastSeen.orElseThrow();
            BrokerResult<BrokerOrderId> result = gateway.cancel(handle(before, now));
            boolean applied = result instanceof BrokerResult.Success<BrokerOrderId>
                    || (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId>
                            && !venue.order(before.brokerOrderId())
                                    .orElseThrow()
                                    .equals(before));
            if (applied) {
                rows.addRow(order, "CANCEL PENDING", before, now);
            }
            unwrap(result, VenueOperation.CANCEL, () -> orderIdBody(order));
            return order.orderId;
        });
    }

    /** Sends every after-market order still waiting to the venue, in placement order. */
    void releaseAfterMarketOrders() {
        run(() -> {
            for (KiteOrder order : List.copyOf(orders.values())) {
                if (!order.awaitingRelease) {
                    continue;
                }
                order.awaitingRelease = false;
                BrokerResult<BrokerOrderId> result = submit(order);
                if (order.venueId.isEmpty()) {
                    String reason = result instanceof BrokerResult.Rejected<BrokerOrderId> rejected
                            ? rejected.reason()
                            : "The order could not be released to the exchange";
                    rows.closeUnsent(order, "REJECTED", Optional.of(reason), venue.now());
                }
            }
        });
    }

    List<Map<String, Object>> orders() {
        return operate(() -> {
            Set<BrokerOrderId> visible = unwrap(gateway.orders(), VenueOperation.QUERY, () -> "{}").stream()
                    .map(BrokerOrder::brokerOrderId)
                    .collect(Collectors.toSet());
            return orders.values().stream()
                    .filter(order -> order.venueId.map(visible::contains).orElse(true))
                    .map(KiteOrder::current)
                    .toList();
        });
    }

    List<Map<String, Object>> history(String orderId) {
        return operate(() -> {
            KiteOrder order = visibleOrder(orderId);
            return List.copyOf(order.history);
        });
    }

    List<Map<String, Object>> trades(Optional<String> orderId) {
        return operate(() -> {
            Optional<KiteOrder> only = orderId.map(this::visibleOrder);
            List<BrokerTrade> trades = unwrap(gateway.trades(), VenueOperation.QUERY, () -> "{}");
            List<Map<String, Object>> tradeRows = new ArrayList<>();
            for (BrokerTrade trade : trades) {
                KiteOrder order = byVenueId.get(trade.brokerOrderId());
                if (order == null || only.map(o -> o != order).orElse(false)) {
                    continue;
                }
                tradeRows.add(portfolio.tradeRow(trade, order));
            }
            return tradeRows;
        });
    }

    Map<String, Object> positions() {
        return operate(() -> portfolio.positions(unwrap(gateway.positions(), VenueOperation.QUERY, () -> "{}")));
    }

    Map<String, Object> margins() {
        return operate(portfolio::margins);
    }

    /** Last prices keyed exactly as asked (with the circuit limits for the full quote); unknown instruments are left out. */
    Map<String, Object> lastPrices(List<String> keys, boolean withCircuit) {
        return portfolio.lastPrices(keys, withCircuit);
    }

    String instrumentsCsv(Optional<String> exchange) {
        return instruments.csv(exchange, venue);
    }

    private BrokerResult<BrokerOrderId> submit(KiteOrder order) {
        Instant now = venue.now();
        Order domainOrder;
        try {
            OrderManager manager = new OrderManager();
            manager.create(order.venueClientOrderId, KiteOrderFields.request(order), Optional.empty(), now);
            manager.release(order.venueClientOrderId, now);
            domainOrder = manager.get(order.venueClientOrderId);
        } catch (IllegalArgumentException e) {
            throw new KiteApiException(KiteError.input(e.getMessage()));
        }
        placing = order;
        try {
            return gateway.place(domainOrder);
        } finally {
            sync();
            placing = null;
        }
    }

    /** An order the venue finds by its broker order id, for a modify or cancel. */
    private Order handle(BrokerOrder snapshot, Instant now) {
        return KiteOrderFields.handle(ClientOrderId.of("KITESIMREF" + ++sequence), snapshot, now);
    }

    private KiteOrder parsePlacement(String variety, KiteForms form) {
        return KiteOrderFields.parsePlacement(
                variety, form, instruments, config.userId(), () -> ++sequence, venue::now);
    }

    private KiteOrder orderOfVariety(String variety, String orderId) {
        KiteOrder order = orders.get(orderId);
        if (order == null) {
            throw new KiteApiException(KiteError.input(NOT_FOUND));
        }
        if (!order.variety.equals(variety)) {
            throw new KiteApiException(KiteError.input(
                    "Order " + orderId + " is of variety `" + order.variety + "`, not `" + variety + "`"));
        }
        return order;
    }

    /** The order, when the venue lets it be seen (its query faults apply). */
    private KiteOrder visibleOrder(String orderId) {
        KiteOrder order = orders.get(orderId);
        if (order == null) {
            throw new KiteApiException(KiteError.input(NOT_FOUND));
        }
        if (order.venueId.isPresent()) {
            Optional<BrokerOrder> seen = unwrap(gateway.order(order.venueId.get()), VenueOperation.QUERY, () -> "{}");
            if (seen.isEmpty()) {
                throw new KiteApiException(KiteError.input(NOT_FOUND));
            }
        }
        return order;
    }

    private <T> T unwrap(BrokerResult<T> result, VenueOperation operation, Supplier<String> lostBody) {
        if (result instanceof BrokerResult.Success<T> success) {
            return success.value();
        }
        if (result instanceof BrokerResult.Rejected<T> rejected) {
            throw new KiteApiException(faults.takeRejection(operation, rejected.reason()));
        }
        if (result instanceof BrokerResult.RateLimited<T>) {
            throw new KiteApiException(KiteError.tooManyRequests());
        }
        if (result instanceof BrokerResult.SessionExpired<T>) {
            sessionGone.run();
            throw new KiteApiException(KiteError.token());
        }
        throw new ReplyLostException(faults.takeLostReply(operation, config.lostReply()), lostBody.get());
    }

    private static String orderIdBody(KiteOrder order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", order.orderId);
        return KiteJson.success(data);
    }

    /** Brings every order up to the venue's truth, adding history rows; expires TTL orders that are due. */
    private void sync() {
        for (BrokerOrder snapshot : venue.orders()) {
            KiteOrder order = byVenueId.get(snapshot.brokerOrderId());
            if (order == null) {
                order = placing != null
                                && placing.venueId.isEmpty()
                                && snapshot.clientOrderId().equals(Optional.of(placing.venueClientOrderId))
                        ? placing
                        : external(snapshot);
                bind(order, snapshot.brokerOrderId());
            }
            observe(order, snapshot);
        }
        Instant now = venue.now();
        for (KiteOrder order : orders.values()) {
            if (order.validity.equals("TTL")
                    && order.venueId.isPresent()
                    && !order.isTerminal()
                    && !now.isBefore(order.orderTimestamp.plus(Duration.ofMinutes(order.validityTtl)))) {
                try {
                    venue.cancelAtVenue(order.venueId.get(), "Order cancelled as its TTL expired");
                } catch (IllegalArgumentException e) {
                    // no longer working at the venue: the next sync shows why
                }
            }
        }
    }

    private KiteOrder external(BrokerOrder snapshot) {
        KiteOrder order = new KiteOrder(
                "regular",
                snapshot.instrument(),
                snapshot.side().name(),
                KiteOrderFields.kiteType(snapshot.type()),
                snapshot.product().code(),
                snapshot.quantity(),
                snapshot.limitPrice(),
                snapshot.triggerPrice(),
                Optional.empty(),
                config.userId(),
                new LinkedHashMap<>(),
                guid(),
                snapshot.updatedAt());
        order.venueClientOrderId = snapshot.clientOrderId().orElse(ClientOrderId.of("EXTERNAL"));
        return order;
    }

    private void bind(KiteOrder order, BrokerOrderId venueId) {
        order.venueId = Optional.of(venueId);
        byVenueId.put(venueId, order);
        if (order.orderId == null) {
            order.orderId = venueId.value();
            orders.put(order.orderId, order);
            for (String status : List.of("PUT ORDER REQ RECEIVED", "VALIDATION PENDING", "OPEN PENDING")) {
                rows.addRow(order, status, Optional.empty(), order.orderTimestamp);
            }
        } else {
            rows.addRow(order, "OPEN PENDING", Optional.empty(), venue.now());
        }
    }

    private void observe(KiteOrder order, BrokerOrder snapshot) {
        if (order.lastSeen.equals(Optional.of(snapshot))) {
            return;
        }
        order.quantity = snapshot.quantity();
        order.price = snapshot.limitPrice();
        order.triggerPrice = snapshot.triggerPrice();
        boolean pendingAtVenue = snapshot.brokerStatus().equals("PUT ORDER REQ RECEIVED");
        if (order.exchangeOrderId == null && !pendingAtVenue) {
            boolean refusedOnArrival = snapshot.status() == OrderStatus.REJECTED;
            if (!refusedOnArrival) {
                order.exchangeOrderId = String.format("13%014d", ++exchangeSequence);
                order.exchangeTimestamp = snapshot.updatedAt();
                boolean openNow = isOpen(snapshot) && snapshot.filledQuantity().isZero();
                if (!openNow) {
                    order.history.add(rows.row(
                            order,
                            order.orderType.startsWith("SL") ? "TRIGGER PENDING" : "OPEN",
                            snapshot.quantity(),
                            snapshot.limitPrice(),
                            snapshot.triggerPrice(),
                            Quantity.ZERO,
                            Quantity.ZERO,
                            Optional.empty(),
                            Optional.empty(),
                            snapshot.updatedAt()));
                }
            }
        }
        if (order.modifyApplied) {
            order.modifyApplied = false;
            order.history.add(rows.rowOf(order, "MODIFIED", snapshot));
        }
        if (!pendingAtVenue) {
            order.history.add(rows.rowOf(order, snapshot.brokerStatus(), snapshot));
        }
        order.lastSeen = Optional.of(snapshot);
    }

    private static boolean isOpen(BrokerOrder snapshot) {
        return snapshot.brokerStatus().equals("OPEN") || snapshot.brokerStatus().equals("TRIGGER PENDING");
    }

    /** Streams the venue's update of one order as a Kite order frame, with the order's Kite fields. */
    private void streamOrder(BrokerOrder snapshot) {
        KiteOrder order = byVenueId.get(snapshot.brokerOrderId());
        if (order == null) {
            return;
        }
        boolean acknowledgement = !order.acknowledgementStreamed
                && isOpen(snapshot)
                && snapshot.filledQuantity().isZero();
        order.acknowledgementStreamed = true;
        if (acknowledgement && !config.streamPlacementAcknowledgements()) {
            return;
        }
        if (snapshot.brokerStatus().equals("PUT ORDER REQ RECEIVED")) {
            return;
        }
        rows.streamRow(order, rows.rowOf(order, snapshot.brokerStatus(), snapshot));
    }

    private String guid() {
        return String.format("%06dXkitesim", ++sequence);
    }

    static String sha256(String text) {
        return KiteOrderRows.sha256(text);
    }
}
