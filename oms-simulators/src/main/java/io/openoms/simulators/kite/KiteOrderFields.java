package io.openoms.simulators.kite;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Kite form parsing and validation, and the mapping between Kite and domain orders; stateless. */
final class KiteOrderFields {
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Set<String> ORDER_TYPES = Set.of("MARKET", "LIMIT", "SL", "SL-M");
    private static final Set<String> PRODUCTS = Set.of("CNC", "NRML", "MIS", "MTF");
    private static final Set<String> VALIDITIES = Set.of("DAY", "IOC", "TTL");

    private KiteOrderFields() {}

    /** A new order from a placement form; {@code nextSequence} numbers its guid and client order id. */
    static KiteOrder parsePlacement(
            String variety,
            KiteForms form,
            KiteInstruments instruments,
            String userId,
            LongSupplier nextSequence,
            Supplier<Instant> now) {
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
        String validity = form.get("validity").map(KiteOrderFields::validity).orElse("DAY");
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
                userId,
                meta,
                String.format("%06dXkitesim", nextSequence.getAsLong()),
                now.get());
        order.validity = validity;
        order.validityTtl = ttl;
        order.disclosedQuantity = disclosed(form, order.quantity);
        order.marketProtection = protection;
        order.venueClientOrderId = ClientOrderId.of(tag.orElse("KITESIM" + nextSequence.getAsLong()));
        return order;
    }

    static void requireVariety(String variety) {
        switch (variety) {
            case "regular", "amo", "iceberg" -> {}
            case "co", "auction", "bo" -> throw new KiteApiException(
                    KiteError.input("The simulator does not support the `" + variety + "` variety"));
            default -> throw new KiteApiException(KiteError.input("Invalid `variety`."));
        }
    }

    static String validity(String text) {
        if (!VALIDITIES.contains(text)) {
            throw new KiteApiException(KiteError.input("Invalid `validity`."));
        }
        return text;
    }

    static int ttl(String validity, KiteForms form) {
        if (!validity.equals("TTL")) {
            return 0;
        }
        return positiveInt(
                form.get("validity_ttl")
                        .orElseThrow(() -> new KiteApiException(KiteError.input("`validity_ttl` is required for TTL"))),
                "validity_ttl");
    }

    static int disclosed(KiteForms form, Quantity quantity) {
        int disclosed = form.get("disclosed_quantity")
                .map(text -> integer(text, "disclosed_quantity"))
                .orElse(0);
        if (disclosed < 0 || BigDecimal.valueOf(disclosed).compareTo(quantity.value()) > 0) {
            throw new KiteApiException(KiteError.input("Invalid `disclosed_quantity`."));
        }
        return disclosed;
    }

    static int integer(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new KiteApiException(KiteError.input("Invalid `" + field + "`."));
        }
    }

    static int positiveInt(String text, String field) {
        int value = integer(text, field);
        if (value <= 0) {
            throw new KiteApiException(KiteError.input("Invalid `" + field + "`."));
        }
        return value;
    }

    static Price positivePrice(String text, String field) {
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

    static OrderRequest request(KiteOrder order) {
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
    static Order handle(ClientOrderId id, BrokerOrder snapshot, Instant now) {
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

    static OrderType domainType(String kiteType) {
        return switch (kiteType) {
            case "MARKET" -> OrderType.MARKET;
            case "LIMIT" -> OrderType.LIMIT;
            case "SL" -> OrderType.STOP_LIMIT;
            case "SL-M" -> OrderType.STOP;
            default -> throw new KiteApiException(KiteError.input("Invalid `order_type`."));
        };
    }

    static String kiteType(OrderType type) {
        return switch (type) {
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP_LIMIT -> "SL";
            case STOP -> "SL-M";
        };
    }
}
