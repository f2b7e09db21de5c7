package io.openoms.simulators.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.adapters.broker.mock.MockBrokerGateway;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Alpaca view of the simulated venue: Alpaca orders (with their replace chains) over venue
 * orders, fill activities, positions, the account; and the venue's update stream rendered as
 * {@code trade_updates} events. All state under one lock, held for a whole request; venue updates
 * pushed while a request holds it are handled when the request settles, so an order is known before
 * its first event is streamed.
 */
final class AlpacaSimBook implements BrokerUpdates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedVenue venue;
    private final MockBrokerGateway gateway;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Consumer<String> stream;
    private final Runnable keysRevoked;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, AlpacaSimOrder> orders = new LinkedHashMap<>();
    private final Map<String, AlpacaSimOrder> byClientOrderId = new HashMap<>();
    private final Map<BrokerOrderId, AlpacaSimOrder> currentByVenueId = new HashMap<>();
    private final Map<String, String> orderOfTrade = new HashMap<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private long sequence;

    AlpacaSimBook(SimulatedVenue venue, List<Instrument> listed, Consumer<String> stream, Runnable keysRevoked) {
        this.venue = requireNonNull(venue, "venue is null");
        this.gateway = new MockBrokerGateway(venue);
        listed.forEach(instrument -> instruments.put(AlpacaSimJson.symbol(instrument.id()), instrument));
        this.stream = requireNonNull(stream, "stream is null");
        this.keysRevoked = requireNonNull(keysRevoked, "keysRevoked is null");
    }

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

    private void settle() {
        sync();
        while (!deferred.isEmpty()) {
            List<Runnable> batch = List.copyOf(deferred);
            deferred.clear();
            batch.forEach(Runnable::run);
        }
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

    @Override
    public void orderUpdated(String broker, BrokerOrder order) {
        onVenueUpdate(() -> streamOrder(order));
    }

    @Override
    public void tradeReported(String broker, BrokerTrade trade) {
        onVenueUpdate(() -> streamFill(trade));
    }

    @Override
    public void malformedPayload(String broker, String rawPayload, String problem) {
        onVenueUpdate(() -> stream.accept(rawPayload));
    }

    @Override
    public void streamReconnected(String broker) {}

    ObjectNode place(JsonNode body) {
        return operate(() -> {
            String symbol = AlpacaSimJson.text(body, "symbol");
            Instrument instrument = instruments.get(symbol);
            if (instrument == null) {
                throw AlpacaApiException.unprocessable("asset \"" + symbol + "\" not found");
            }
            if (body.hasNonNull("notional")) {
                throw AlpacaApiException.unprocessable("the simulator takes qty orders only, not notional");
            }
            Quantity quantity = Quantity.of(AlpacaSimJson.positive(body, "qty"));
            Side side =
                    switch (AlpacaSimJson.text(body, "side")) {
                        case "buy" -> Side.BUY;
                        case "sell" -> Side.SELL;
                        default -> throw AlpacaApiException.unprocessable("invalid side");
                    };
            String type = AlpacaSimJson.text(body, "type");
            OrderType domainType =
                    switch (type) {
                        case "market" -> OrderType.MARKET;
                        case "limit" -> OrderType.LIMIT;
                        case "stop" -> OrderType.STOP;
                        case "stop_limit" -> OrderType.STOP_LIMIT;
                        default -> throw AlpacaApiException.unprocessable("invalid order type");
                    };
            String tif = AlpacaSimJson.text(body, "time_in_force");
            TimeInForce domainTif =
                    switch (tif) {
                        case "day" -> TimeInForce.DAY;
                        case "gtc" -> TimeInForce.GTC;
                        case "ioc" -> TimeInForce.IOC;
                        default -> throw AlpacaApiException.unprocessable("invalid time_in_force");
                    };
            String clientOrderId = body.hasNonNull("client_order_id")
                    ? body.get("client_order_id").asText()
                    : UUID.randomUUID().toString();
            if (clientOrderId.isEmpty() || clientOrderId.length() > 128) {
                throw AlpacaApiException.unprocessable("client_order_id must be 1-128 characters");
            }
            if (byClientOrderId.containsKey(clientOrderId)) {
                throw AlpacaApiException.unprocessable("client_order_id must be unique");
            }
            OrderRequest.Builder request = OrderRequest.builder()
                    .account("ALPACASIM")
                    .strategy("alpaca")
                    .instrument(instrument.id())
                    .side(side)
                    .type(domainType)
                    .quantity(quantity)
                    .timeInForce(domainTif)
                    .product(Product.CNC);
            if (domainType.requiresLimitPrice()) {
                request.limitPrice(Price.of(AlpacaSimJson.positive(body, "limit_price")));
            }
            if (domainType.requiresTriggerPrice()) {
                request.triggerPrice(Price.of(AlpacaSimJson.positive(body, "stop_price")));
            }
            Instant now = venue.now();
            // the venue keeps the client_order_id as its tag when it is one (ours always are)
            ClientOrderId venueClientId;
            try {
                venueClientId = ClientOrderId.of(clientOrderId);
            } catch (IllegalArgumentException e) {
                venueClientId = ClientOrderId.of("ALPSIM" + ++sequence);
            }
            Order domainOrder;
            try {
                OrderManager manager = new OrderManager();
                manager.create(venueClientId, request.build(), Optional.empty(), now);
                manager.release(venueClientId, now);
                domainOrder = manager.get(venueClientId);
            } catch (IllegalArgumentException e) {
                throw AlpacaApiException.unprocessable(e.getMessage());
            }
            BrokerResult<BrokerOrderId> result = gateway.place(domainOrder);
            // the venue may have taken it even when the reply is lost
            Optional<BrokerOrder> atVenue = venue.findOrder(venueClientId);
            if (atVenue.isEmpty()) {
                unwrap(result);
                throw new ReplyLost();
            }
            // the Alpaca id of a placed order is the venue's id (a replacement's is derived from it)
            AlpacaSimOrder order = new AlpacaSimOrder(
                    atVenue.get().brokerOrderId().value(),
                    clientOrderId,
                    instrument.id(),
                    side,
                    type,
                    tif,
                    now,
                    Optional.empty());
            register(order, atVenue.get().brokerOrderId());
            unwrap(result);
            return render(order);
        });
    }

    ObjectNode replace(String id, JsonNode body) {
        return operate(() -> {
            AlpacaSimOrder old = order(id);
            BrokerOrder before = current(old);
            if (old.replacedBy.isPresent() || before.status().isTerminal()) {
                throw AlpacaApiException.unprocessable("order is not open: " + status(old));
            }
            if (before.status() == OrderStatus.PENDING_CANCEL) {
                throw AlpacaApiException.unprocessable("order is pending cancel");
            }
            Optional<Quantity> quantity = body.hasNonNull("qty")
                    ? Optional.of(Quantity.of(AlpacaSimJson.positive(body, "qty")))
                    : Optional.empty();
            Optional<Price> limit = body.hasNonNull("limit_price")
                    ? Optional.of(Price.of(AlpacaSimJson.positive(body, "limit_price")))
                    : Optional.empty();
            Optional<Price> stop = body.hasNonNull("stop_price")
                    ? Optional.of(Price.of(AlpacaSimJson.positive(body, "stop_price")))
                    : Optional.empty();
            if (quantity.isEmpty() && limit.isEmpty() && stop.isEmpty()) {
                throw AlpacaApiException.unprocessable("nothing to replace");
            }
            String clientOrderId = body.hasNonNull("client_order_id")
                    ? body.get("client_order_id").asText()
                    : UUID.randomUUID().toString();
            if (byClientOrderId.containsKey(clientOrderId)) {
                throw AlpacaApiException.unprocessable("client_order_id must be unique");
            }
            BrokerResult<BrokerOrderId> result =
                    gateway.modify(handle(before), new OrderModification(quantity, limit, stop));
            BrokerOrder after = venue.order(before.brokerOrderId()).orElseThrow();
            boolean applied = result instanceof BrokerResult.Success<BrokerOrderId>
                    || (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId> && !after.equals(before));
            if (!applied) {
                unwrap(result);
            }
            AlpacaSimOrder replacement = new AlpacaSimOrder(
                    before.brokerOrderId().value() + "-r" + ++sequence,
                    clientOrderId,
                    old.instrument,
                    old.side,
                    old.type,
                    old.timeInForce,
                    venue.now(),
                    Optional.of(old.id));
            old.replacedBy = Optional.of(replacement.id);
            old.frozen = Optional.of(before);
            register(replacement, before.brokerOrderId());
            replacement.announced = true;
            stream.accept(event("replaced", old, Map.of()));
            stream.accept(event("new", replacement, Map.of()));
            unwrap(result);
            return render(replacement);
        });
    }

    void cancel(String id) {
        operate(() -> {
            AlpacaSimOrder order = order(id);
            BrokerOrder before = current(order);
            if (order.replacedBy.isPresent() || before.status().isTerminal()) {
                throw AlpacaApiException.unprocessable("order is not cancelable: " + status(order));
            }
            unwrap(gateway.cancel(handle(before)));
            return null;
        });
    }

    ArrayNode list(String status, Optional<Instant> after, int limit, boolean ascending) {
        return operate(() -> {
            Set<BrokerOrderId> visible = unwrap(gateway.orders()).stream()
                    .map(BrokerOrder::brokerOrderId)
                    .collect(Collectors.toSet());
            List<AlpacaSimOrder> selected = new ArrayList<>();
            for (AlpacaSimOrder order : orders.values()) {
                if (!visible.contains(order.venueId)) {
                    continue;
                }
                boolean open =
                        order.replacedBy.isEmpty() && !current(order).status().isTerminal();
                boolean wanted =
                        switch (status) {
                            case "open" -> open;
                            case "closed" -> !open;
                            default -> true;
                        };
                if (wanted
                        && after.map(a -> order.createdAt.isAfter(a)
                                        || updatedAt(order).isAfter(a))
                                .orElse(true)) {
                    selected.add(order);
                }
            }
            if (!ascending) {
                java.util.Collections.reverse(selected);
            }
            ArrayNode array = JSON.createArrayNode();
            selected.stream().limit(limit).forEach(order -> array.add(render(order)));
            return array;
        });
    }

    ObjectNode get(String id) {
        return operate(() -> {
            AlpacaSimOrder order = order(id);
            requireVisible(order);
            return render(order);
        });
    }

    ObjectNode byClientOrderId(String clientOrderId) {
        return operate(() -> {
            AlpacaSimOrder order = byClientOrderId.get(clientOrderId);
            if (order == null) {
                throw AlpacaApiException.notFound("order not found");
            }
            requireVisible(order);
            return render(order);
        });
    }

    ArrayNode fills(Optional<Instant> after, Optional<String> pageToken, int pageSize) {
        return operate(() -> {
            ArrayNode array = JSON.createArrayNode();
            boolean past = pageToken.isEmpty();
            for (BrokerTrade trade : unwrap(gateway.trades())) {
                // a fill the stream never carried (it was down) belongs to the order current at the venue
                AlpacaSimOrder current = currentByVenueId.get(trade.brokerOrderId());
                String orderId = orderOfTrade.computeIfAbsent(
                        trade.fill().tradeId().value(), ignored -> current == null ? null : current.id);
                if (orderId == null) {
                    continue;
                }
                String activityId = AlpacaSimJson.activityId(trade);
                if (!past) {
                    past = activityId.equals(pageToken.get());
                    continue;
                }
                if (after.map(a -> !trade.fill().executedAt().isAfter(a)).orElse(false)) {
                    continue;
                }
                if (array.size() >= pageSize) {
                    break;
                }
                AlpacaSimOrder order = orders.get(orderId);
                ObjectNode row = array.addObject();
                row.put("id", activityId);
                row.put("activity_type", "FILL");
                row.put("transaction_time", trade.fill().executedAt().toString());
                row.put("type", "fill");
                row.put("price", trade.fill().price().value().toPlainString());
                row.put("qty", trade.fill().quantity().value().toPlainString());
                row.put("side", order.side == Side.BUY ? "buy" : "sell");
                row.put("symbol", AlpacaSimJson.symbol(order.instrument));
                row.put("order_id", orderId);
            }
            return array;
        });
    }

    ArrayNode positions() {
        return operate(() -> {
            Map<InstrumentId, BigDecimal> net = new LinkedHashMap<>();
            Map<InstrumentId, Optional<Price>> average = new HashMap<>();
            for (BrokerPosition position : unwrap(gateway.positions())) {
                net.merge(position.instrument(), position.netQuantity(), BigDecimal::add);
                average.put(position.instrument(), position.averagePrice());
            }
            ArrayNode array = JSON.createArrayNode();
            net.forEach((instrument, quantity) -> {
                if (quantity.signum() == 0) {
                    return;
                }
                ObjectNode row = array.addObject();
                row.put(
                        "asset_id",
                        UUID.nameUUIDFromBytes(instrument.toString().getBytes()).toString());
                row.put("symbol", AlpacaSimJson.symbol(instrument));
                row.put("exchange", instrument.exchange().equals("CRYPTO") ? "CRYPTO" : "NASDAQ");
                row.put("asset_class", instrument.exchange().equals("CRYPTO") ? "crypto" : "us_equity");
                row.put("qty", quantity.toPlainString());
                row.put("side", quantity.signum() > 0 ? "long" : "short");
                average.get(instrument)
                        .ifPresent(p -> row.put("avg_entry_price", p.value().toPlainString()));
            });
            return array;
        });
    }

    ArrayNode assets() {
        ArrayNode array = JSON.createArrayNode();
        for (Map.Entry<String, Instrument> entry : instruments.entrySet()) {
            Instrument instrument = entry.getValue();
            boolean crypto = instrument.id().exchange().equals("CRYPTO");
            ObjectNode row = array.addObject();
            row.put("id", UUID.nameUUIDFromBytes(entry.getKey().getBytes()).toString());
            row.put("class", crypto ? "crypto" : "us_equity");
            row.put("exchange", crypto ? "CRYPTO" : "NASDAQ");
            row.put("symbol", entry.getKey());
            row.put("name", entry.getKey());
            row.put("status", "active");
            row.put("tradable", true);
            boolean fractional =
                    instrument.lotSize().value().stripTrailingZeros().scale() > 0;
            row.put("fractionable", fractional);
            if (crypto || fractional) {
                row.put("min_order_size", instrument.minQuantity().value().toPlainString());
                row.put("min_trade_increment", instrument.lotSize().value().toPlainString());
            }
            row.put("price_increment", instrument.tickSize().toPlainString());
        }
        return array;
    }

    /** Venue orders placed around the simulator (directly at the venue) become Alpaca orders under the venue's id. */
    private void sync() {
        for (BrokerOrder atVenue : venue.orders()) {
            if (currentByVenueId.containsKey(atVenue.brokerOrderId())) {
                continue;
            }
            String clientOrderId = atVenue.clientOrderId()
                    .map(ClientOrderId::value)
                    .filter(id -> !byClientOrderId.containsKey(id))
                    .orElseGet(() -> UUID.randomUUID().toString());
            AlpacaSimOrder external = new AlpacaSimOrder(
                    atVenue.brokerOrderId().value(),
                    clientOrderId,
                    atVenue.instrument(),
                    atVenue.side(),
                    AlpacaSimJson.type(atVenue.type()),
                    "day",
                    atVenue.updatedAt(),
                    Optional.empty());
            register(external, atVenue.brokerOrderId());
        }
    }

    private void register(AlpacaSimOrder order, BrokerOrderId venueId) {
        order.venueId = venueId;
        orders.put(order.id, order);
        byClientOrderId.put(order.clientOrderId, order);
        currentByVenueId.put(venueId, order);
    }

    private AlpacaSimOrder order(String id) {
        AlpacaSimOrder order = orders.get(id);
        if (order == null) {
            throw AlpacaApiException.notFound("order not found for " + id);
        }
        return order;
    }

    private void requireVisible(AlpacaSimOrder order) {
        if (unwrap(gateway.order(order.venueId)).isEmpty()) {
            throw AlpacaApiException.notFound("order not found for " + order.id);
        }
    }

    private BrokerOrder current(AlpacaSimOrder order) {
        return order.frozen.orElseGet(() -> venue.order(order.venueId).orElseThrow());
    }

    private Instant updatedAt(AlpacaSimOrder order) {
        return current(order).updatedAt();
    }

    private Order handle(BrokerOrder snapshot) {
        ClientOrderId id = ClientOrderId.of("ALPSIMREF" + ++sequence);
        OrderRequest.Builder builder = OrderRequest.builder()
                .account("ALPACASIM")
                .strategy("alpaca")
                .instrument(snapshot.instrument())
                .side(snapshot.side())
                .type(snapshot.type())
                .quantity(snapshot.quantity())
                .product(snapshot.product());
        snapshot.limitPrice().ifPresent(builder::limitPrice);
        snapshot.triggerPrice().ifPresent(builder::triggerPrice);
        Instant now = venue.now();
        OrderManager manager = new OrderManager();
        manager.create(id, builder.build(), Optional.empty(), now);
        manager.release(id, now);
        manager.markSubmitted(id, now);
        manager.accept(id, snapshot.brokerOrderId(), now);
        return manager.get(id);
    }

    private <T> T unwrap(BrokerResult<T> result) {
        if (result instanceof BrokerResult.Success<T> success) {
            return success.value();
        }
        if (result instanceof BrokerResult.Rejected<T> rejected) {
            String reason = rejected.reason();
            throw reason.contains("margin") || reason.contains("buying power")
                    ? AlpacaApiException.forbidden("insufficient buying power: " + reason)
                    : AlpacaApiException.unprocessable(reason);
        }
        if (result instanceof BrokerResult.RateLimited<T>) {
            throw AlpacaApiException.tooManyRequests();
        }
        if (result instanceof BrokerResult.SessionExpired<T>) {
            keysRevoked.run();
            throw AlpacaApiException.unauthorized();
        }
        throw new ReplyLost();
    }

    /** The venue made the outcome unknown: the simulator loses the reply. */
    static final class ReplyLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplyLost() {
            super("reply lost");
        }
    }

    private void streamOrder(BrokerOrder snapshot) {
        AlpacaSimOrder order = currentByVenueId.get(snapshot.brokerOrderId());
        if (order == null) {
            return;
        }
        String event =
                switch (snapshot.status()) {
                    case CANCELLED -> "canceled";
                    case EXPIRED -> "expired";
                    case REJECTED -> "rejected";
                    case PENDING_CANCEL -> "pending_cancel";
                    case ACCEPTED -> order.announced ? null : "new";
                    default -> null;
                };
        if (snapshot.status() == OrderStatus.ACCEPTED || snapshot.status() == OrderStatus.PARTIALLY_FILLED) {
            order.announced = true;
        }
        if (event != null) {
            stream.accept(event(event, order, snapshot, Map.of()));
        }
    }

    private void streamFill(BrokerTrade trade) {
        AlpacaSimOrder order = currentByVenueId.get(trade.brokerOrderId());
        if (order == null) {
            return;
        }
        orderOfTrade.putIfAbsent(trade.fill().tradeId().value(), order.id);
        order.announced = true;
        BrokerOrder snapshot = venue.order(trade.brokerOrderId()).orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("execution_id", trade.fill().tradeId().value());
        fields.put("qty", trade.fill().quantity().value().toPlainString());
        fields.put("price", trade.fill().price().value().toPlainString());
        fields.put("timestamp", trade.fill().executedAt().toString());
        String event = snapshot.filledQuantity().compareTo(snapshot.quantity()) >= 0 ? "fill" : "partial_fill";
        stream.accept(event(event, order, snapshot, fields));
    }

    private String event(String event, AlpacaSimOrder order, Map<String, String> fields) {
        return event(event, order, current(order), fields);
    }

    private String event(String event, AlpacaSimOrder order, BrokerOrder snapshot, Map<String, String> fields) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("stream", "trade_updates");
        ObjectNode data = frame.putObject("data");
        data.put("event", event);
        data.put("event_id", String.valueOf(++sequence));
        fields.forEach(data::put);
        if (!fields.containsKey("timestamp")) {
            data.put("timestamp", venue.now().toString());
        }
        data.set("order", AlpacaSimJson.render(order, snapshot));
        return frame.toString();
    }

    private ObjectNode render(AlpacaSimOrder order) {
        return AlpacaSimJson.render(order, current(order));
    }

    private String status(AlpacaSimOrder order) {
        return order.replacedBy.isPresent() ? "replaced" : AlpacaSimJson.status(current(order));
    }
}
