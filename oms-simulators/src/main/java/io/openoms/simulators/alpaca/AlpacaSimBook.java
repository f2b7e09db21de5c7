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
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    private final Map<String, SimOrder> byClientOrderId = new HashMap<>();
    private final Map<BrokerOrderId, SimOrder> currentByVenueId = new HashMap<>();
    private final Map<String, String> orderOfTrade = new HashMap<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private long sequence;

    AlpacaSimBook(SimulatedVenue venue, List<Instrument> listed, Consumer<String> stream, Runnable keysRevoked) {
        this.venue = requireNonNull(venue, "venue is null");
        this.gateway = new MockBrokerGateway(venue);
        listed.forEach(instrument -> instruments.put(symbol(instrument.id()), instrument));
        this.stream = requireNonNull(stream, "stream is null");
        this.keysRevoked = requireNonNull(keysRevoked, "keysRevoked is null");
    }

    /** One Alpaca order; its venue order is shared along a replace chain. */
    private static final class SimOrder {
        final String id;
        final String clientOrderId;
        final InstrumentId instrument;
        final Side side;
        final String type;
        final String timeInForce;
        final Instant createdAt;
        final Optional<String> replaces;
        BrokerOrderId venueId;
        Optional<String> replacedBy = Optional.empty();
        Optional<BrokerOrder> frozen = Optional.empty();
        boolean announced;

        SimOrder(
                String id,
                String clientOrderId,
                InstrumentId instrument,
                Side side,
                String type,
                String tif,
                Instant createdAt,
                Optional<String> replaces) {
            this.id = id;
            this.clientOrderId = clientOrderId;
            this.instrument = instrument;
            this.side = side;
            this.type = type;
            this.timeInForce = tif;
            this.createdAt = createdAt;
            this.replaces = replaces;
        }
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
            String symbol = text(body, "symbol");
            Instrument instrument = instruments.get(symbol);
            if (instrument == null) {
                throw AlpacaApiException.unprocessable("asset \"" + symbol + "\" not found");
            }
            if (body.hasNonNull("notional")) {
                throw AlpacaApiException.unprocessable("the simulator takes qty orders only, not notional");
            }
            Quantity quantity = Quantity.of(positive(body, "qty"));
            Side side =
                    switch (text(body, "side")) {
                        case "buy" -> Side.BUY;
                        case "sell" -> Side.SELL;
                        default -> throw AlpacaApiException.unprocessable("invalid side");
                    };
            String type = text(body, "type");
            OrderType domainType =
                    switch (type) {
                        case "market" -> OrderType.MARKET;
                        case "limit" -> OrderType.LIMIT;
                        case "stop" -> OrderType.STOP;
                        case "stop_limit" -> OrderType.STOP_LIMIT;
                        default -> throw AlpacaApiException.unprocessable("invalid order type");
                    };
            String tif = text(body, "time_in_force");
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
                request.limitPrice(Price.of(positive(body, "limit_price")));
            }
            if (domainType.requiresTriggerPrice()) {
                request.triggerPrice(Price.of(positive(body, "stop_price")));
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
            SimOrder order = new SimOrder(
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
            SimOrder old = order(id);
            BrokerOrder before = current(old);
            if (old.replacedBy.isPresent() || before.status().isTerminal()) {
                throw AlpacaApiException.unprocessable("order is not open: " + status(old));
            }
            if (before.status() == OrderStatus.PENDING_CANCEL) {
                throw AlpacaApiException.unprocessable("order is pending cancel");
            }
            Optional<Quantity> quantity =
                    body.hasNonNull("qty") ? Optional.of(Quantity.of(positive(body, "qty"))) : Optional.empty();
            Optional<Price> limit = body.hasNonNull("limit_price")
                    ? Optional.of(Price.of(positive(body, "limit_price")))
                    : Optional.empty();
            Optional<Price> stop = body.hasNonNull("stop_price")
                    ? Optional.of(Price.of(positive(body, "stop_price")))
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
            SimOrder replacement = new SimOrder(
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
            SimOrder order = order(id);
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
            List<SimOrder> selected = new ArrayList<>();
            for (SimOrder order : orders.values()) {
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
            SimOrder order = order(id);
            requireVisible(order);
            return render(order);
        });
    }

    ObjectNode byClientOrderId(String clientOrderId) {
        return operate(() -> {
            SimOrder order = byClientOrderId.get(clientOrderId);
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
                SimOrder current = currentByVenueId.get(trade.brokerOrderId());
                String orderId = orderOfTrade.computeIfAbsent(
                        trade.fill().tradeId().value(), ignored -> current == null ? null : current.id);
                if (orderId == null) {
                    continue;
                }
                String activityId = activityId(trade);
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
                SimOrder order = orders.get(orderId);
                ObjectNode row = array.addObject();
                row.put("id", activityId);
                row.put("activity_type", "FILL");
                row.put("transaction_time", trade.fill().executedAt().toString());
                row.put("type", "fill");
                row.put("price", trade.fill().price().value().toPlainString());
                row.put("qty", trade.fill().quantity().value().toPlainString());
                row.put("side", order.side == Side.BUY ? "buy" : "sell");
                row.put("symbol", symbol(order.instrument));
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
                row.put("symbol", symbol(instrument));
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

    /** Alpaca's symbol of a listed instrument: {@code CRYPTO:BTC-USD} is {@code BTC/USD}, {@code US:AAPL} is {@code AAPL}. */
    static String symbol(InstrumentId id) {
        return id.exchange().equals("CRYPTO") ? id.symbol().replace('-', '/') : id.symbol();
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
            SimOrder external = new SimOrder(
                    atVenue.brokerOrderId().value(),
                    clientOrderId,
                    atVenue.instrument(),
                    atVenue.side(),
                    type(atVenue.type()),
                    "day",
                    atVenue.updatedAt(),
                    Optional.empty());
            register(external, atVenue.brokerOrderId());
        }
    }

    private static String type(OrderType type) {
        return switch (type) {
            case MARKET -> "market";
            case LIMIT -> "limit";
            case STOP -> "stop";
            case STOP_LIMIT -> "stop_limit";
        };
    }

    private void register(SimOrder order, BrokerOrderId venueId) {
        order.venueId = venueId;
        orders.put(order.id, order);
        byClientOrderId.put(order.clientOrderId, order);
        currentByVenueId.put(venueId, order);
    }

    private SimOrder order(String id) {
        SimOrder order = orders.get(id);
        if (order == null) {
            throw AlpacaApiException.notFound("order not found for " + id);
        }
        return order;
    }

    private void requireVisible(SimOrder order) {
        if (unwrap(gateway.order(order.venueId)).isEmpty()) {
            throw AlpacaApiException.notFound("order not found for " + order.id);
        }
    }

    private BrokerOrder current(SimOrder order) {
        return order.frozen.orElseGet(() -> venue.order(order.venueId).orElseThrow());
    }

    private Instant updatedAt(SimOrder order) {
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
        SimOrder order = currentByVenueId.get(snapshot.brokerOrderId());
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
        SimOrder order = currentByVenueId.get(trade.brokerOrderId());
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

    private String event(String event, SimOrder order, Map<String, String> fields) {
        return event(event, order, current(order), fields);
    }

    private String event(String event, SimOrder order, BrokerOrder snapshot, Map<String, String> fields) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("stream", "trade_updates");
        ObjectNode data = frame.putObject("data");
        data.put("event", event);
        data.put("event_id", String.valueOf(++sequence));
        fields.forEach(data::put);
        if (!fields.containsKey("timestamp")) {
            data.put("timestamp", venue.now().toString());
        }
        data.set("order", render(order, snapshot));
        return frame.toString();
    }

    private ObjectNode render(SimOrder order) {
        return render(order, current(order));
    }

    private ObjectNode render(SimOrder order, BrokerOrder snapshot) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", order.id);
        node.put("client_order_id", order.clientOrderId);
        node.put("created_at", order.createdAt.toString());
        node.put(
                "updated_at",
                snapshot.updatedAt().isBefore(order.createdAt)
                        ? order.createdAt.toString()
                        : snapshot.updatedAt().toString());
        node.put("submitted_at", order.createdAt.toString());
        node.put(
                "asset_id",
                UUID.nameUUIDFromBytes(symbol(order.instrument).getBytes()).toString());
        node.put("symbol", symbol(order.instrument));
        node.put("asset_class", order.instrument.exchange().equals("CRYPTO") ? "crypto" : "us_equity");
        node.put("qty", snapshot.quantity().value().toPlainString());
        node.putNull("notional");
        node.put("filled_qty", snapshot.filledQuantity().value().toPlainString());
        if (snapshot.averagePrice().isPresent()) {
            node.put("filled_avg_price", snapshot.averagePrice().get().value().toPlainString());
        } else {
            node.putNull("filled_avg_price");
        }
        node.put("order_class", "");
        node.put("type", order.type);
        node.put("order_type", order.type);
        node.put("side", order.side == Side.BUY ? "buy" : "sell");
        node.put("time_in_force", order.timeInForce);
        putPrice(node, "limit_price", snapshot.limitPrice());
        putPrice(node, "stop_price", snapshot.triggerPrice());
        node.put("status", order.replacedBy.isPresent() ? "replaced" : status(snapshot));
        node.put("extended_hours", false);
        if (order.replacedBy.isPresent()) {
            node.put("replaced_by", order.replacedBy.get());
        } else {
            node.putNull("replaced_by");
        }
        if (order.replaces.isPresent()) {
            node.put("replaces", order.replaces.get());
        } else {
            node.putNull("replaces");
        }
        return node;
    }

    private String status(SimOrder order) {
        return order.replacedBy.isPresent() ? "replaced" : status(current(order));
    }

    private static String status(BrokerOrder snapshot) {
        return switch (snapshot.status()) {
            case ACCEPTED -> "new";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELLED -> "canceled";
            case EXPIRED -> "expired";
            case REJECTED -> "rejected";
            case PENDING_CANCEL -> "pending_cancel";
            case PENDING_MODIFY -> "pending_replace";
            default -> "accepted";
        };
    }

    private static void putPrice(ObjectNode node, String field, Optional<Price> price) {
        if (price.isPresent()) {
            node.put(field, price.get().value().toPlainString());
        } else {
            node.putNull(field);
        }
    }

    private static String activityId(BrokerTrade trade) {
        return trade.fill().executedAt().toEpochMilli() + "::"
                + trade.fill().tradeId().value();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw AlpacaApiException.unprocessable(field + " is required");
        }
        return value.asText();
    }

    private static BigDecimal positive(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw AlpacaApiException.unprocessable(field + " is required");
        }
        try {
            BigDecimal decimal = new BigDecimal(value.asText());
            if (decimal.signum() <= 0) {
                throw AlpacaApiException.unprocessable(field + " must be > 0");
            }
            return decimal;
        } catch (NumberFormatException e) {
            throw AlpacaApiException.unprocessable(field + " is not a number");
        }
    }
}
