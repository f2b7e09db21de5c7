package io.openoms.adapters.broker.alpaca;

import io.openoms.adapters.broker.mock.MockVenueConfig;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.application.ratelimit.RateLimitConfig;
import io.openoms.application.ratelimit.SlidingWindowRateLimitGuard;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.simulators.alpaca.AlpacaSimulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/** The Alpaca simulator over a quiet venue (no drift, no slippage, no fees), and the adapter pointed at it. */
final class AlpacaSimulatorFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-12-07T15:00:00Z");
    static final String KEY_ID = "PKSIMULATOR0001";
    static final String SECRET = "s3cr3t-simulated-alpaca-key";
    static final InstrumentId AAPL = InstrumentId.of("US", "AAPL");
    static final InstrumentId BTC = InstrumentId.of("CRYPTO", "BTC-USD");
    static final Instrument AAPL_INSTRUMENT = new Instrument(
            AAPL,
            new BigDecimal("0.01"),
            Quantity.of(1),
            Quantity.of(1),
            Optional.empty(),
            Optional.empty(),
            Currency.getInstance("USD"),
            AlpacaInstrumentsLoader.usEquities(java.util.Set.of()));
    static final Instrument BTC_INSTRUMENT = new Instrument(
            BTC,
            new BigDecimal("0.01"),
            Quantity.of("0.0001"),
            Quantity.of("0.0001"),
            Optional.empty(),
            Optional.empty(),
            Currency.getInstance("USD"),
            AlpacaInstrumentsLoader.allWeek());

    final SimulatedVenue venue;
    final AlpacaSimulator simulator;
    final AlpacaConfig config;
    final OkHttpClient http = new OkHttpClient();
    final SlidingWindowRateLimitGuard rateLimits;
    final AlpacaBrokerGateway gateway;
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final Recorder updates = new Recorder();
    private long sequence;

    AlpacaSimulatorFixture() {
        MockVenueConfig venueConfig = MockVenueConfig.builder()
                .seed(7)
                .volatilityTicks(0)
                .slippageTicks(0)
                .feeBasisPoints(BigDecimal.ZERO)
                .feePerFill(Money.ZERO)
                .ackLatency(Duration.ZERO)
                .initialPrice(AAPL, Price.of(200))
                .initialPrice(BTC, Price.of(60000))
                .build();
        venue = new SimulatedVenue(venueConfig, List.of(AAPL_INSTRUMENT, BTC_INSTRUMENT), T0);
        simulator = new AlpacaSimulator(
                        venue, List.of(AAPL_INSTRUMENT, BTC_INSTRUMENT), KEY_ID, SECRET, Duration.ofSeconds(10), true)
                .start();
        config = AlpacaConfig.paper(KEY_ID, SECRET)
                .withUrls(simulator.baseUrl(), simulator.streamUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withStreamBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        rateLimits = new SlidingWindowRateLimitGuard(
                new RateLimitConfig(Map.of(AlpacaBrokerGateway.NAME, config.rateLimits()), Duration.ofSeconds(5)),
                Clock.systemUTC());
        gateway = new AlpacaBrokerGateway(config, rateLimits, http, Clock.fixed(T0, ZoneOffset.UTC));
    }

    AlpacaTradeStream stream() {
        return new AlpacaTradeStream(config, gateway, updates, http, scheduler);
    }

    Order order(InstrumentId instrument, Side side, OrderType type, String quantity, String limit, TimeInForce tif) {
        ClientOrderId id = ClientOrderId.of("OMS" + T0.toEpochMilli() + "-" + ++sequence);
        OrderRequest.Builder request = OrderRequest.builder()
                .account("ACC1")
                .strategy("alpaca-it")
                .instrument(instrument)
                .side(side)
                .type(type)
                .quantity(Quantity.of(quantity))
                .timeInForce(tif);
        if (limit != null) {
            request.limitPrice(Price.of(limit));
        }
        OrderManager manager = new OrderManager();
        manager.create(id, request.build(), Optional.empty(), T0);
        manager.release(id, T0);
        manager.markSubmitted(id, T0);
        return manager.get(id);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        simulator.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** What the adapter handed to the core. */
    static final class Recorder implements BrokerUpdates {
        final List<BrokerOrder> orders = new ArrayList<>();
        final List<BrokerTrade> trades = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();
        int reconnects;

        @Override
        public synchronized void orderUpdated(String broker, BrokerOrder order) {
            orders.add(order);
        }

        @Override
        public synchronized void tradeReported(String broker, BrokerTrade trade) {
            trades.add(trade);
        }

        @Override
        public synchronized void malformedPayload(String broker, String rawPayload, String problem) {
            malformed.add(rawPayload);
        }

        @Override
        public synchronized void streamReconnected(String broker) {
            reconnects++;
        }

        synchronized List<BrokerOrder> orders() {
            return List.copyOf(orders);
        }

        synchronized List<BrokerTrade> trades() {
            return List.copyOf(trades);
        }

        synchronized int reconnects() {
            return reconnects;
        }

        synchronized List<String> malformed() {
            return List.copyOf(malformed);
        }
    }
}
