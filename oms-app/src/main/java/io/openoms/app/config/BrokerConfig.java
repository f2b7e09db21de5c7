package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.MockVenueConfig;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Price;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker this deployment trades with.
 *
 * @param type {@code broker.type}, {@code OMS_BROKER}: {@code mock} (default), {@code zerodha}, {@code alpaca} or
 *     {@code manual} (orders recorded, not sent; fills entered through {@code POST /api/v1/orders/{id}/fills})
 * @param mock the simulated venue's keys under {@code broker.mock} (see {@link MockVenueConfig}: {@code
 *     seed}, {@code volatility-ticks}, {@code slippage-ticks}, {@code liquidity-per-step}, {@code
 *     ack-latency}, {@code fees.*}, {@code faults.*}, …); instruments' opening prices come from {@code
 *     instruments[].price}
 * @param zerodha Kite Connect settings under {@code broker.zerodha}
 * @param alpaca Alpaca settings under {@code broker.alpaca}
 */
public record BrokerConfig(
        BrokerType type, Map<String, String> mock, ZerodhaConfig zerodha, AlpacaBrokerConfig alpaca) {
    public static final BrokerConfig DEFAULT =
            new BrokerConfig(BrokerType.MOCK, Map.of(), ZerodhaConfig.DEFAULT, AlpacaBrokerConfig.DEFAULT);

    public BrokerConfig {
        if (type == null) {
            throw new IllegalArgumentException("type: is required; allowed: mock, zerodha, alpaca, manual");
        }
        mock = Map.copyOf(new TreeMap<>(requireNonNull(mock, "mock is null")));
        requireNonNull(zerodha, "zerodha is null");
        alpaca = alpaca == null ? AlpacaBrokerConfig.DEFAULT : alpaca;
        venue(mock, List.of());
    }

    /** The name accounts are bound to and orders are stored under: the venue's name, {@code zerodha} or {@code alpaca}. */
    public String name() {
        return switch (type) {
            case MOCK -> mockVenue(List.of()).name();
            case ZERODHA -> "zerodha";
            case ALPACA -> "alpaca";
            case MANUAL -> "manual";
        };
    }

    /**
     * The simulated venue's configuration: {@code broker.mock} over the venue's defaults, with the
     * opening price of every instrument that gives one (an explicit {@code broker.mock.initial-prices}
     * entry wins).
     */
    public MockVenueConfig mockVenue(List<InstrumentConfig> instruments) {
        return venue(mock, instruments);
    }

    private static MockVenueConfig venue(Map<String, String> mock, List<InstrumentConfig> instruments) {
        Map<String, String> properties = new LinkedHashMap<>();
        mock.forEach((key, value) -> properties.put(MockVenueConfig.PREFIX + key, value));
        MockVenueConfig venue;
        try {
            venue = MockVenueConfig.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        Map<InstrumentId, Price> prices = new LinkedHashMap<>();
        for (InstrumentConfig instrument : instruments) {
            instrument.openingPrice().ifPresent(price -> prices.put(instrument.instrumentId(), price));
        }
        prices.putAll(venue.initialPrices());
        return venue.toBuilder().initialPrices(prices).build();
    }
}
