package io.openoms.simulators.kite;

import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account views of the book (positions, margins, quotes), computed from the venue's trades and prices. */
final class KitePortfolio {
    private final KiteSimulatorConfig config;
    private final SimulatedVenue venue;
    private final KiteInstruments instruments;

    KitePortfolio(KiteSimulatorConfig config, SimulatedVenue venue, KiteInstruments instruments) {
        this.config = config;
        this.venue = venue;
        this.instruments = instruments;
    }

    /** Net and day positions; {@code open} carries the venue's average prices. */
    Map<String, Object> positions(List<BrokerPosition> open) {
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
            InstrumentId instrument = (InstrumentId) rows.get(entry.getKey()).get("instrument");
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

    /**
     * Last prices keyed exactly as asked; unknown instruments are left out, as Kite does. The full
     * quote ({@code withCircuit}) adds the circuit limits the venue was given, when it has them.
     */
    Map<String, Object> lastPrices(List<String> keys, boolean withCircuit) {
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
                        if (withCircuit) {
                            venue.circuitLimits(listing.instrument().id()).ifPresent(band -> {
                                quote.put("lower_circuit_limit", band.lower().value());
                                quote.put("upper_circuit_limit", band.upper().value());
                            });
                        }
                        data.put(key, quote);
                    }));
        }
        return data;
    }

    /** One trade row as Kite shows it. */
    Map<String, Object> tradeRow(BrokerTrade trade, KiteOrder order) {
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
        return row;
    }
}
