package io.openoms.adapters.broker.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MockVenueConfigTest {
    @Test
    void the_defaults_are_a_calm_well_behaved_venue_for_paper_trading() {
        MockVenueConfig config = MockVenueConfig.defaults();

        assertThat(config.name()).isEqualTo("mock");
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.defaultInitialPrice()).isEqualTo(Price.of(100));
        assertThat(config.initialPrices()).isEmpty();
        assertThat(config.volatilityTicks()).isEqualTo(2);
        assertThat(config.slippageTicks()).isEqualTo(1);
        assertThat(config.liquidityPerStep()).isEmpty();
        assertThat(config.ackLatency()).isEqualTo(Duration.ZERO);
        assertThat(config.feeBasisPoints()).isEqualByComparingTo("3");
        assertThat(config.feePerFill()).isEqualTo(Money.ZERO);
        assertThat(config.faults()).isEqualTo(FaultProbabilities.none());
        assertThat(MockVenueConfig.fromProperties(Map.of("other.key", "x"))).isEqualTo(config);
    }

    @Test
    void every_key_is_read_from_properties() {
        MockVenueConfig config = MockVenueConfig.fromProperties(Map.ofEntries(
                Map.entry("broker.mock.name", "paper"),
                Map.entry("broker.mock.seed", "7"),
                Map.entry("broker.mock.default-initial-price", "250"),
                Map.entry("broker.mock.initial-prices", "NSE:INFY=1500.05, NSE:TCS=3400"),
                Map.entry("broker.mock.volatility-ticks", "4"),
                Map.entry("broker.mock.slippage-ticks", "0"),
                Map.entry("broker.mock.liquidity-per-step", "100"),
                Map.entry("broker.mock.ack-latency", "250ms"),
                Map.entry("broker.mock.fees.basis-points", "1.5"),
                Map.entry("broker.mock.fees.per-fill", "20"),
                Map.entry("broker.mock.faults.reject-probability", "0.01"),
                Map.entry("broker.mock.faults.reject-reason", "margin"),
                Map.entry("broker.mock.faults.timeout-after-placing-probability", "0.02"),
                Map.entry("broker.mock.faults.timeout-without-placing-probability", "0.03"),
                Map.entry("broker.mock.faults.rate-limit-probability", "0.04"),
                Map.entry("broker.mock.faults.duplicate-update-probability", "0.05"),
                Map.entry("broker.mock.faults.out-of-order-probability", "0.06"),
                Map.entry("broker.mock.faults.fill-after-cancel-probability", "0.07"),
                Map.entry("broker.mock.faults.not-found-probability", "0.08"),
                Map.entry("broker.mock.faults.not-found-steps", "5"),
                Map.entry("broker.mock.faults.malformed-update-probability", "0.09"),
                Map.entry("broker.mock.faults.stream-disconnect-probability", "0.1"),
                Map.entry("broker.mock.faults.disconnect-steps", "6")));

        assertThat(config)
                .isEqualTo(new MockVenueConfig(
                        "paper",
                        7,
                        Price.of(250),
                        Map.of(
                                InstrumentId.parse("NSE:INFY"), Price.of("1500.05"),
                                InstrumentId.parse("NSE:TCS"), Price.of(3400)),
                        4,
                        0,
                        Optional.of(Quantity.of(100)),
                        Duration.ofMillis(250),
                        new BigDecimal("1.5"),
                        Money.of(20),
                        new FaultProbabilities(
                                0.01, "margin", 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 5, 0.09, 0.1, 6)));
    }

    @Test
    void durations_are_read_as_iso_8601_or_with_a_unit() {
        assertThat(latency("PT0.5S")).isEqualTo(Duration.ofMillis(500));
        assertThat(latency("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(latency("15ms")).isEqualTo(Duration.ofMillis(15));
    }

    private static Duration latency(String value) {
        return MockVenueConfig.fromProperties(Map.of("broker.mock.ack-latency", value))
                .ackLatency();
    }

    @Test
    void an_unknown_key_under_the_prefix_is_refused_by_name() {
        assertThatThrownBy(() -> MockVenueConfig.fromProperties(Map.of("broker.mock.slipage-ticks", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown configuration key broker.mock.slipage-ticks");
    }

    @Test
    void a_malformed_value_is_refused_naming_its_key() {
        assertThatThrownBy(() -> MockVenueConfig.fromProperties(Map.of("broker.mock.seed", "forty")))
                .hasMessageStartingWith("broker.mock.seed has an invalid value 'forty'");
        assertThatThrownBy(() -> MockVenueConfig.fromProperties(Map.of("broker.mock.initial-prices", "NSE:INFY")))
                .hasMessageStartingWith("broker.mock.initial-prices has an invalid value");
        assertThatThrownBy(() -> MockVenueConfig.fromProperties(Map.of("broker.mock.ack-latency", "soon")))
                .hasMessageStartingWith("broker.mock.ack-latency has an invalid value 'soon'");
    }

    @Test
    void each_out_of_range_value_is_refused_with_a_message_naming_its_key() {
        assertRefused(
                "broker.mock.volatility-ticks", "-1", "broker.mock.volatility-ticks must not be negative, got -1");
        assertRefused("broker.mock.slippage-ticks", "-2", "broker.mock.slippage-ticks must not be negative, got -2");
        assertRefused("broker.mock.liquidity-per-step", "0", "broker.mock.liquidity-per-step must be positive, got 0");
        assertRefused("broker.mock.ack-latency", "PT-1S", "broker.mock.ack-latency must not be negative, got PT-1S");
        assertRefused(
                "broker.mock.fees.basis-points", "-1", "broker.mock.fees.basis-points must not be negative, got -1");
        assertRefused("broker.mock.fees.per-fill", "-0.5", "broker.mock.fees.per-fill must not be negative, got -0.5");
        assertRefused(
                "broker.mock.default-initial-price", "0", "broker.mock.default-initial-price must be positive, got 0");
        assertRefused(
                "broker.mock.initial-prices",
                "NSE:INFY=-1",
                "broker.mock.initial-prices: the price of NSE:INFY must be positive, got -1");
        assertRefused(
                "broker.mock.faults.duplicate-update-probability",
                "1.5",
                "broker.mock.faults.duplicate-update-probability must be a probability in [0, 1], got 1.5");
        assertRefused(
                "broker.mock.faults.rate-limit-probability",
                "NaN",
                "broker.mock.faults.rate-limit-probability must be a probability in [0, 1], got NaN");
        assertRefused(
                "broker.mock.faults.not-found-steps",
                "-1",
                "broker.mock.faults.not-found-steps must not be negative, got -1");
        assertRefused(
                "broker.mock.faults.disconnect-steps",
                "0",
                "broker.mock.faults.disconnect-steps must be at least 1, got 0");
        assertRefused("broker.mock.faults.reject-reason", " ", "broker.mock.faults.reject-reason must not be blank");
        assertThatThrownBy(() -> MockVenueConfig.fromProperties(Map.of("broker.mock.name", "paper trading")))
                .hasMessageStartingWith("broker.mock.name");
    }

    private static void assertRefused(String key, String value, String message) {
        assertThatThrownBy(() -> MockVenueConfig.fromProperties(Map.of(key, value)))
                .as(key)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void a_builder_round_trips_a_configuration() {
        MockVenueConfig config = MockVenueConfig.builder()
                .seed(3)
                .liquidityPerStep(10)
                .initialPrice(InstrumentId.parse("NSE:INFY"), Price.of(1500))
                .build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.initialPrices()).containsEntry(InstrumentId.parse("NSE:INFY"), Price.of(1500));
    }
}
