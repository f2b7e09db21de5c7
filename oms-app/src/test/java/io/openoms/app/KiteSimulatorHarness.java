package io.openoms.app;

import io.openoms.adapters.broker.mock.MockVenueConfig;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.simulators.kite.KiteSimulator;
import io.openoms.simulators.kite.KiteSimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A started Kite simulator on loopback over a calm venue (no walk, no slippage, no fees, instant
 * acknowledgements, and, as the real Kite, no streamed update for a mere placement) listing NSE:INFY at 1500 and NSE:TCS at 3400, and the environment that points the
 * app at it.
 */
public final class KiteSimulatorHarness implements AutoCloseable {
    public static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    public static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

    public final SimulatedVenue venue;
    public final KiteSimulator simulator;

    public KiteSimulatorHarness(Instant start, Consumer<KiteSimulatorConfig.Builder> customisation) {
        TradingSession session = TradingSession.indianEquities(Set.of());
        List<Instrument> instruments = List.of(
                Instrument.of(INFY, "0.05", 1, Currency.getInstance("INR"), session),
                Instrument.of(TCS, "0.05", 1, Currency.getInstance("INR"), session));
        MockVenueConfig venueConfig = MockVenueConfig.builder()
                .seed(11)
                .volatilityTicks(0)
                .slippageTicks(0)
                .feeBasisPoints(BigDecimal.ZERO)
                .feePerFill(Money.ZERO)
                .ackLatency(Duration.ZERO)
                .initialPrice(INFY, Price.of(1500))
                .initialPrice(TCS, Price.of(3400))
                .build();
        venue = new SimulatedVenue(venueConfig, instruments, start);
        KiteSimulatorConfig.Builder config = KiteSimulatorConfig.builder()
                .heartbeatInterval(Duration.ofMillis(500))
                .streamPlacementAcknowledgements(false)
                .replyHold(Duration.ofSeconds(5));
        customisation.accept(config);
        simulator = new KiteSimulator(config.build(), venue, instruments).start();
    }

    /** The environment of an app trading on the simulator with the simulator's key, secret and (optionally) token. */
    public Map<String, String> environment(java.nio.file.Path data, boolean withToken) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OMS_BROKER", "zerodha");
        environment.put("OMS_DATA_DIR", data.toString());
        environment.put("OMS_HTTP_HOST", "127.0.0.1");
        environment.put("OMS_HTTP_PORT", "0");
        environment.put("OMS_KITE_API_KEY", simulator.config().apiKey());
        environment.put("OMS_KITE_API_SECRET", simulator.config().apiSecret());
        environment.put("OMS_KITE_API_URL", simulator.baseUrl().toString());
        environment.put("OMS_KITE_WS_URL", simulator.streamUrl().toString());
        if (withToken) {
            environment.put("OMS_KITE_ACCESS_TOKEN", simulator.accessToken());
        }
        return environment;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
