package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.MockBrokerGateway;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.adapters.broker.mock.VenueOperation;
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
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Set<String> ORDER_TYPES = Set.of("MARKET", "LIMIT", "SL", "SL-M");
    private static final Set<String> PRODUCTS = Set.of("CNC", "NRML", "MIS", "MTF");
    private static final Set<String> VALIDITIES = Set.of("DAY", "IOC", "TTL");
    private static final Set<String> EARLY_STATUSES =
            Set.of("PUT ORDER REQ RECEIVED", "VALIDATION PENDING", "OPEN PENDING", "AMO REQ RECEIVED");
    private static final String USER_CANCEL = "cancelled on request";
    private static final String NOT_FOUND = "Couldn't find that `order_id`.";

    private final KiteSimulatorConfig config;
    private final SimulatedVenue venue;
    private final MockBrokerGateway gateway;
    private final KiteInstruments instruments;
    private final KiteFaults faults;
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
            requireVariety(variety);
            KiteOrder order = parsePlacement(variety, form);
            if (variety.equals("amo")) {
                order.orderId = String.format("2%018d", ++amoSequence);
                order.awaitingRelease = true;
                orders.put(order.orderId, order);
                addRow(order, "AMO REQ RECEIVED", Optional.empty(), order.orderTimestamp);
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
            Optional<Quantity> quantity = form.get("quantity").map(text -> Quantity.of(positiveInt(text, "quantity")));
            Optional<Price> price = form.get("price")
                    .filter(text -> order.orderType.equals("LIMIT") || order.orderType.equals("SL"))
                    .map(text -> positivePrice(text, "price"));
            Optional<Price> trigger = form.get("trigger_price")
                    .filter(text -> order.orderType.startsWith("SL"))
                    .map(text -> positivePrice(text, "trigger_price"));
            String validity = form.get("validity").map(KiteBook::validity).orElse(order.validity);
            int ttl = ttl(validity, form);
            int disclosed = disclosed(form, quantity.orElse(order.quantity));
            Instant now = venue.now();
            if (order.awaitingRelease) {
                quantity.ifPresent(q -> order.quantity = q);
                price.ifPresent(p -> order.price = Optional.of(p));
                trigger.ifPresent(p -> order.triggerPrice = Optional.of(p));
                order.validity = validity;
                order.validityTtl = ttl;
                order.disclosedQuantity = disclosed;
                order.modified = true;
                order.orderTimestamp = now;
                addRow(order, "AMO REQ RECEIVED", Optional.empty(), now);
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
                addRow(order, "MODIFY VALIDATION PENDING", before, now);
                addRow(order, "MODIFY PENDING", before, now);
                order.validity = validity;
                order.validityTtl = ttl;
                order.disclosedQuantity = disclosed;
                order.modified = true;
                order.modifyApplied = true;
                order.orderTimestamp = now;
                order.lastSeen = Optional.empty();
            }
            unwrap(result, VenueOperation.MODIFY, () -> orderIdBody(order));
            return order.orderId;
        });
    }

    String cancel(String variety, String orderId) {
        return operate(() -> {
            KiteOrder order = orderOfVariety(variety, orderId);
            Instant now = venue.now();
            if (order.awaitingRelease) {
                order.awaitingRelease = false;
                Map<String, Object> row = row(
                        order,
                        "CANCELLED",
                        order.quantity,
                        order.price,
                        order.triggerPrice,
                        Quantity.ZERO,
                        order.quantity,
                        Optional.empty(),
                        Optional.empty(),
                        now);
                order.history.add(row);
                streamRow(order, row);
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
                addRow(order, "CANCEL PENDING", before, now);
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
                    Map<String, Object> row = row(
                            order,
                            "REJECTED",
                            order.quantity,
                            order.price,
                            order.triggerPrice,
                            Quantity.ZERO,
                            order.quantity,
                            Optional.empty(),
                            Optional.of(reason),
                            venue.now());
                    order.history.add(row);
                    streamRow(order, row);
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
            List<Map<String, Object>> rows = new ArrayList<>();
            for (BrokerTrade trade : trades) {
                KiteOrder order = byVenueId.get(trade.brokerOrderId());
                if (order == null || only.map(o -> o != order).orElse(false)) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("trade_id", trade.fill().tradeId().value());
                row.put("order_id", order.orderId);
                row.put("exchange", trade.instrument().exchange());
                row.put("tradingsymbol", trade.instrument().symbol());
                row.put("instrument_token", instruments.token(trade.instrument()));
                row.put("product", trade.product().code());
                row.put("average_price", trade.fill().price().value());
                row.put("quantity", trade.fill().quantity().value());
                row.put("exchange_order_id", order.exchangeOrderId);
                row.put("transaction_type", trade.side().name());
                row.put("fill_timestamp", KiteTime.timestamp(trade.fill().executedAt()));
                row.put("order_timestamp", KiteTime.time(order.orderTimestamp));
                row.put("exchange_timestamp", KiteTime.timestamp(trade.fill().executedAt()));
                rows.add(row);
            }
            return rows;
        });
    }

    Map<String, Object> positions() {
        return operate(() -> {
            List<BrokerPosition> open = unwrap(gateway.positions(), VenueOperation.QUERY, () -> "{}");
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
            for (BrokerTrade trade : venue.trades()) {
                String key = trade.instrument() + "|" + trade.product().code();
                BigDecimal[] sum = sums.computeIfAbsent(key, ignored ->
                        new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal quantity = trade.fill().quantity().value();
                BigDecimal value = quantity.multiply(trade.fill().price().value());
                int offset = trade.side() == Side.BUY ? 0 : 2;
                sum[offset] = sum[offset].add(quantity);
                sum[offset + 1] = sum[offset + 1].add(value);
                rows.computeIfAbsent(key, ignored -> new LinkedHashMap<>());
                rows.get(key).put("instrument", trade.instrument());
                rows.get(key).put("product", trade.product());
            }
            List<Map<String, Object>> net = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> entry : sums.entrySet()) {
                InstrumentId instrument =
                        (InstrumentId) rows.get(entry.getKey()).get("instrument");
                Product product = (Product) rows.get(entry.getKey()).get("product");
                BigDecimal average = open.stream()
                        .filter(p ->
                                p.instrument().equals(instrument) && p.product().equals(product))
                        .findFirst()
                        .flatMap(BrokerPosition::averagePrice)
                        .map(Price::value)
                        .orElse(BigDecimal.ZERO);
                net.add(position(instrument, product, entry.getValue(), average));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("net", net);
            data.put("day", net);
            return data;
        });
    }

    private Map<String, Object> position(
            InstrumentId instrument, Product product, BigDecimal[] sum, BigDecimal average) {
        BigDecimal buyQuantity = sum[0];
        BigDecimal buyValue = sum[1];
        BigDecimal sellQuantity = sum[2];
        BigDecimal sellValue = sum[3];
        BigDecimal quantity = buyQuantity.subtract(sellQuantity);
        BigDecimal last = venue.lastPrice(instrument).map(Price::value).orElse(BigDecimal.ZERO);
        BigDecimal value = sellValue.subtract(buyValue);
        BigDecimal pnl = value.add(quantity.multiply(last));
        BigDecimal unrealised = quantity.multiply(last.subtract(average));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tradingsymbol", instrument.symbol());
        row.put("exchange", instrument.exchange());
        row.put("instrument_token", instruments.token(instrument));
        row.put("product", product.code());
        row.put("quantity", quantity);
        row.put("overnight_quantity", 0);
        row.put("multiplier", 1);
        row.put("average_price", average);
        row.put("close_price", 0);
        row.put("last_price", last);
        row.put("value", value);
        row.put("pnl", pnl);
        row.put("m2m", pnl);
        row.put("unrealised", unrealised);
        row.put("realised", pnl.subtract(unrealised));
        row.put("buy_quantity", buyQuantity);
        row.put("buy_price", averageOf(buyValue, buyQuantity));
        row.put("buy_value", buyValue);
        row.put("buy_m2m", buyValue);
        row.put("sell_quantity", sellQuantity);
        row.put("sell_price", averageOf(sellValue, sellQuantity));
        row.put("sell_value", sellValue);
        row.put("sell_m2m", sellValue);
        row.put("day_buy_quantity", buyQuantity);
        row.put("day_buy_price", averageOf(buyValue, buyQuantity));
        row.put("day_buy_value", buyValue);
        row.put("day_sell_quantity", sellQuantity);
        row.put("day_sell_price", averageOf(sellValue, sellQuantity));
        row.put("day_sell_value", sellValue);
        return row;
    }

    private static BigDecimal averageOf(BigDecimal value, BigDecimal quantity) {
        return quantity.signum() == 0 ? BigDecimal.ZERO : value.divide(quantity, DecimalPrecision.DIVISION);
    }

    Map<String, Object> margins() {
        return operate(() -> {
            BigDecimal debits = BigDecimal.ZERO;
            for (BrokerTrade trade : venue.trades()) {
                BigDecimal value = trade.fill()
                        .quantity()
                        .value()
                        .multiply(trade.fill().price().value());
                debits = trade.side() == Side.BUY ? debits.add(value) : debits.subtract(value);
            }
            debits = debits.max(BigDecimal.ZERO);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("equity", segment(true, config.openingBalance(), debits));
            data.put("commodity", segment(true, BigDecimal.ZERO, BigDecimal.ZERO));
            return data;
        });
    }

    private static Map<String, Object> segment(boolean enabled, BigDecimal balance, BigDecimal debits) {
        Map<String, Object> available = new LinkedHashMap<>();
        available.put("adhoc_margin", 0);
        available.put("cash", balance);
        available.put("opening_balance", balance);
        available.put("live_balance", balance.subtract(debits));
        available.put("collateral", 0);
        available.put("intraday_payin", 0);
        Map<String, Object> utilised = new LinkedHashMap<>();
        utilised.put("debits", debits);
        for (String field : List.of(
                "exposure",
                "m2m_realised",
                "m2m_unrealised",
                "option_premium",
                "payout",
                "span",
                "holding_sales",
                "turnover",
                "liquid_collateral",
                "stock_collateral",
                "delivery")) {
            utilised.put(field, 0);
        }
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("enabled", enabled);
        segment.put("net", balance.subtract(debits));
        segment.put("available", available);
        segment.put("utilised", utilised);
        return segment;
    }

    /** Last prices keyed exactly as asked; unknown instruments are left out, as Kite does. */
    Map<String, Object> lastPrices(List<String> keys) {
        if (keys.isEmpty()) {
            throw new KiteApiException(KiteError.input("No instruments given: pass `i=EXCHANGE:TRADINGSYMBOL`"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String key : keys) {
            instruments.findByKey(key).ifPresent(listing -> venue.lastPrice(
                            listing.instrument().id())
                    .ifPresent(price -> {
                        Map<String, Object> quote = new LinkedHashMap<>();
                        quote.put("instrument_token", listing.instrumentToken());
                        quote.put("last_price", price.value());
                        data.put(key, quote);
                    }));
        }
        return data;
    }

    String instrumentsCsv(Optional<String> exchange) {
        return instruments.csv(exchange, venue);
    }

    private BrokerResult<BrokerOrderId> submit(KiteOrder order) {
        Instant now = venue.now();
        Order domainOrder;
        try {
            OrderManager manager = new OrderManager();
            manager.create(order.venueClientOrderId, request(order), Optional.empty(), now);
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

    private static OrderRequest request(KiteOrder order) {
        OrderRequest.Builder builder = OrderRequest.builder()
                .account("KITESIM")
                .strategy("kite")
                .instrument(order.instrument)
                .side(Side.valueOf(order.transactionType))
                .type(domainType(order.orderType))
                .quantity(order.quantity)
                .timeInForce(order.validity.equals("IOC") ? TimeInForce.IOC : TimeInForce.DAY)
                .product(Product.of(order.product));
        if (order.orderType.equals("LIMIT") || order.orderType.equals("SL")) {
            builder.limitPrice(order.price.orElseThrow());
        }
        if (order.orderType.startsWith("SL")) {
            builder.triggerPrice(order.triggerPrice.orElseThrow());
        }
        return builder.build();
    }

    /** An order the venue finds by its broker order id, for a modify or cancel. */
    private Order handle(BrokerOrder snapshot, Instant now) {
        ClientOrderId id = ClientOrderId.of("KITESIMREF" + ++sequence);
        OrderRequest.Builder builder = OrderRequest.builder()
                .account("KITESIM")
                .strategy("kite")
                .instrument(snapshot.instrument())
                .side(snapshot.side())
                .type(snapshot.type())
                .quantity(snapshot.quantity())
                .product(snapshot.product());
        snapshot.limitPrice().ifPresent(builder::limitPrice);
        snapshot.triggerPrice().ifPresent(builder::triggerPrice);
        OrderManager manager = new OrderManager();
        manager.create(id, builder.build(), Optional.empty(), now);
        manager.release(id, now);
        manager.markSubmitted(id, now);
        manager.accept(id, snapshot.brokerOrderId(), now);
        return manager.get(id);
    }

    private KiteOrder parsePlacement(String variety, KiteForms form) {
        String exchange = form.require("exchange");
        String symbol = form.require("tradingsymbol");
        KiteInstruments.Listing listing = instruments
                .find(exchange, symbol)
                .orElseThrow(() -> new KiteApiException(KiteError.input("Invalid `tradingsymbol` or `exchange`.")));
        String side = form.require("transaction_type");
        if (!side.equals("BUY") && !side.equals("SELL")) {
            throw new KiteApiException(KiteError.input("Invalid `transaction_type`."));
        }
        String type = form.require("order_type");
        if (!ORDER_TYPES.contains(type)) {
            throw new KiteApiException(KiteError.input("Invalid `order_type`."));
        }
        int quantity = positiveInt(form.require("quantity"), "quantity");
        String product = form.require("product");
        if (!PRODUCTS.contains(product)) {
            throw new KiteApiException(KiteError.input("Invalid `product`."));
        }
        Optional<Price> price = Optional.empty();
        if (type.equals("LIMIT") || type.equals("SL")) {
            price = Optional.of(positivePrice(form.require("price"), "price"));
        }
        Optional<Price> trigger = Optional.empty();
        if (type.startsWith("SL")) {
            trigger = Optional.of(positivePrice(form.require("trigger_price"), "trigger_price"));
        }
        String validity = form.get("validity").map(KiteBook::validity).orElse("DAY");
        int ttl = ttl(validity, form);
        int protection = form.get("market_protection")
                .map(text -> integer(text, "market_protection"))
                .orElse(0);
        if (protection < -1 || protection > 100) {
            throw new KiteApiException(KiteError.input("Invalid `market_protection`: -1, or 0 to 100"));
        }
        if ((type.equals("MARKET") || type.equals("SL-M")) && protection == 0) {
            throw new KiteApiException(KiteError.input(
                    "Market orders without market protection are not allowed via API: set `market_protection`"));
        }
        Optional<String> tag = form.get("tag");
        if (tag.isPresent() && !TAG.matcher(tag.get()).matches()) {
            throw new KiteApiException(KiteError.input("Invalid `tag`: 1 to 20 letters or digits"));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        if (variety.equals("iceberg")) {
            int legs = integer(form.require("iceberg_legs"), "iceberg_legs");
            if (legs < 2 || legs > 50) {
                throw new KiteApiException(KiteError.input("Invalid `iceberg_legs`: 2 to 50"));
            }
            int legQuantity = positiveInt(form.require("iceberg_quantity"), "iceberg_quantity");
            if ((long) legQuantity * legs < quantity || legQuantity >= quantity) {
                throw new KiteApiException(KiteError.input("Invalid `iceberg_quantity` for " + legs + " legs"));
            }
            Map<String, Object> iceberg = new LinkedHashMap<>();
            iceberg.put("leg", 1);
            iceberg.put("legs", legs);
            iceberg.put("leg_quantity", legQuantity);
            iceberg.put("total_quantity", quantity);
            iceberg.put("remaining_quantity", quantity);
            meta.put("iceberg", iceberg);
        }
        KiteOrder order = new KiteOrder(
                variety,
                listing.instrument().id(),
                side,
                type,
                product,
                Quantity.of(quantity),
                price,
                trigger,
                tag,
                config.userId(),
                meta,
                guid(),
                venue.now());
        order.validity = validity;
        order.validityTtl = ttl;
        order.disclosedQuantity = disclosed(form, order.quantity);
        order.marketProtection = protection;
        order.venueClientOrderId = ClientOrderId.of(tag.orElse("KITESIM" + ++sequence));
        return order;
    }

    private static void requireVariety(String variety) {
        switch (variety) {
            case "regular", "amo", "iceberg" -> {}
            case "co", "auction", "bo" -> throw new KiteApiException(
                    KiteError.input("The simulator does not support the `" + variety + "` variety"));
            default -> throw new KiteApiException(KiteError.input("Invalid `variety`."));
        }
    }

    private static String validity(String text) {
        if (!VALIDITIES.contains(text)) {
            throw new KiteApiException(KiteError.input("Invalid `validity`."));
        }
        return text;
    }

    private static int ttl(String validity, KiteForms form) {
        if (!validity.equals("TTL")) {
            return 0;
        }
        return positiveInt(
                form.get("validity_ttl")
                        .orElseThrow(() -> new KiteApiException(KiteError.input("`validity_ttl` is required for TTL"))),
                "validity_ttl");
    }

    private static int disclosed(KiteForms form, Quantity quantity) {
        int disclosed = form.get("disclosed_quantity")
                .map(text -> integer(text, "disclosed_quantity"))
                .orElse(0);
        if (disclosed < 0 || BigDecimal.valueOf(disclosed).compareTo(quantity.value()) > 0) {
            throw new KiteApiException(KiteError.input("Invalid `disclosed_quantity`."));
        }
        return disclosed;
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new KiteApiException(KiteError.input("Invalid `" + field + "`."));
        }
    }

    private static int positiveInt(String text, String field) {
        int value = integer(text, field);
        if (value <= 0) {
            throw new KiteApiException(KiteError.input("Invalid `" + field + "`."));
        }
        return value;
    }

    private static Price positivePrice(String text, String field) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0) {
                throw new KiteApiException(KiteError.input("Invalid `" + field + "`."));
            }
            return Price.of(value);
        } catch (NumberFormatException e) {
            throw new KiteApiException(KiteError.input("Invalid `" + field + "`."));
        }
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
                kiteType(snapshot.type()),
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
                addRow(order, status, Optional.empty(), order.orderTimestamp);
            }
        } else {
            addRow(order, "OPEN PENDING", Optional.empty(), venue.now());
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
                    order.history.add(row(
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
            order.history.add(rowOf(order, "MODIFIED", snapshot));
        }
        if (!pendingAtVenue) {
            order.history.add(rowOf(order, snapshot.brokerStatus(), snapshot));
        }
        order.lastSeen = Optional.of(snapshot);
    }

    private static boolean isOpen(BrokerOrder snapshot) {
        return snapshot.brokerStatus().equals("OPEN") || snapshot.brokerStatus().equals("TRIGGER PENDING");
    }

    private void addRow(KiteOrder order, String status, Optional<String> message, Instant at) {
        order.history.add(row(
                order,
                status,
                order.quantity,
                order.price,
                order.triggerPrice,
                Quantity.ZERO,
                Quantity.ZERO,
                Optional.empty(),
                message,
                at));
    }

    private void addRow(KiteOrder order, String status, BrokerOrder snapshot, Instant at) {
        order.history.add(row(
                order,
                status,
                snapshot.quantity(),
                snapshot.limitPrice(),
                snapshot.triggerPrice(),
                snapshot.filledQuantity(),
                snapshot.cancelledQuantity(),
                snapshot.averagePrice(),
                Optional.empty(),
                at));
    }

    private Map<String, Object> rowOf(KiteOrder order, String status, BrokerOrder snapshot) {
        Optional<String> message = status.equals("CANCELLED")
                ? snapshot.statusMessage().filter(text -> !text.equals(USER_CANCEL))
                : snapshot.statusMessage();
        return row(
                order,
                status,
                snapshot.quantity(),
                snapshot.limitPrice(),
                snapshot.triggerPrice(),
                snapshot.filledQuantity(),
                snapshot.cancelledQuantity(),
                snapshot.averagePrice(),
                message,
                snapshot.updatedAt());
    }

    /**
     * One order row as Kite shows it. {@code pending_quantity} is quantity − filled even on a cancelled
     * or rejected order, as in Kite's own samples, so a client must derive what is left from the
     * cancelled quantity.
     */
    private Map<String, Object> row(
            KiteOrder order,
            String status,
            Quantity quantity,
            Optional<Price> price,
            Optional<Price> triggerPrice,
            Quantity filled,
            Quantity cancelled,
            Optional<Price> averagePrice,
            Optional<String> message,
            Instant at) {
        boolean early = EARLY_STATUSES.contains(status);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account_id", config.userId());
        row.put("placed_by", order.placedBy);
        row.put("order_id", order.orderId);
        row.put("exchange_order_id", early ? null : order.exchangeOrderId);
        row.put("parent_order_id", null);
        row.put("status", status);
        row.put("status_message", message.orElse(null));
        row.put("status_message_raw", message.orElse(null));
        row.put("order_timestamp", KiteTime.timestamp(order.orderTimestamp));
        row.put("exchange_update_timestamp", early ? null : KiteTime.timestamp(at));
        row.put("exchange_timestamp", early ? null : KiteTime.timestamp(order.exchangeTimestamp));
        row.put("variety", order.variety);
        row.put("modified", order.modified);
        row.put("exchange", order.instrument.exchange());
        row.put("tradingsymbol", order.instrument.symbol());
        row.put("instrument_token", instruments.token(order.instrument));
        row.put("order_type", order.orderType);
        row.put("transaction_type", order.transactionType);
        row.put("validity", order.validity);
        row.put("validity_ttl", order.validityTtl);
        row.put("product", order.product);
        row.put("quantity", quantity.value());
        row.put("disclosed_quantity", order.disclosedQuantity);
        row.put("price", price.map(Price::value).orElse(BigDecimal.ZERO));
        row.put("trigger_price", triggerPrice.map(Price::value).orElse(BigDecimal.ZERO));
        row.put("average_price", averagePrice.map(Price::value).orElse(BigDecimal.ZERO));
        row.put("filled_quantity", filled.value());
        row.put("pending_quantity", quantity.minus(filled).value());
        row.put("cancelled_quantity", cancelled.value());
        row.put("market_protection", order.marketProtection);
        row.put("meta", order.meta);
        row.put("tag", order.tag.orElse(null));
        row.put("tags", order.tag.map(List::of).orElse(List.of()));
        row.put("guid", order.guid);
        return java.util.Collections.unmodifiableMap(row);
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
        streamRow(order, rowOf(order, snapshot.brokerStatus(), snapshot));
    }

    private void streamRow(KiteOrder order, Map<String, Object> row) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", config.userId());
        data.put("unfilled_quantity", row.get("pending_quantity"));
        data.put("app_id", Math.floorMod(config.apiKey().hashCode(), 100_000));
        data.put("checksum", sha256(order.orderId + row.get("order_timestamp") + config.apiSecret()));
        data.putAll(row);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "order");
        frame.put("data", data);
        stream.accept(KiteJson.write(frame));
    }

    private String guid() {
        return String.format("%06dXkitesim", ++sequence);
    }

    private static OrderType domainType(String kiteType) {
        return switch (kiteType) {
            case "MARKET" -> OrderType.MARKET;
            case "LIMIT" -> OrderType.LIMIT;
            case "SL" -> OrderType.STOP_LIMIT;
            case "SL-M" -> OrderType.STOP;
            default -> throw new KiteApiException(KiteError.input("Invalid `order_type`."));
        };
    }

    private static String kiteType(OrderType type) {
        return switch (type) {
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP_LIMIT -> "SL";
            case STOP -> "SL-M";
        };
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
