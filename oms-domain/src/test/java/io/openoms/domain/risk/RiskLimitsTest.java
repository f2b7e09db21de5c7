package io.openoms.domain.risk;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskLimitsTest {
    private static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

    @Test
    void defaults_enforce_market_hours_and_buying_power_but_set_no_numeric_limit() {
        RiskLimits defaults = RiskLimits.defaults();

        assertThat(defaults.enforceMarketHours()).isTrue();
        assertThat(defaults.checkBuyingPower()).isTrue();
        assertThat(defaults.maxOrderQuantity()).isEmpty();
        assertThat(defaults.maxOpenOrders()).isEmpty();
        assertThat(defaults.instrumentOverrides()).isEmpty();
    }

    @Test
    void none_switches_every_check_off() {
        RiskLimits none = RiskLimits.none();

        assertThat(none.enforceMarketHours()).isFalse();
        assertThat(none.checkBuyingPower()).isFalse();
        assertThat(none.forInstrument(INFY))
                .isEqualTo(InstrumentRiskLimits.none().toBuilder()
                        .enforceMarketHours(false)
                        .build());
    }

    @Test
    void an_instrument_override_wins_and_unset_override_keys_inherit_the_account_limit() {
        RiskLimits limits = RiskLimits.builder()
                .maxOrderQuantity(100)
                .maxOrderNotional(1_000_000)
                .instrumentOverride(
                        INFY,
                        InstrumentRiskLimits.builder().maxOrderQuantity(10).build())
                .build();

        InstrumentRiskLimits infy = limits.forInstrument(INFY);
        assertThat(infy.maxOrderQuantity()).contains(Quantity.of(10));
        assertThat(infy.maxOrderNotional()).contains(Money.of(1_000_000));
        assertThat(infy.enforceMarketHours()).contains(true);
        assertThat(limits.forInstrument(TCS).maxOrderQuantity()).contains(Quantity.of(100));
    }

    @Test
    void to_builder_keeps_every_limit() {
        RiskLimits limits = RiskLimits.builder()
                .maxOrderQuantity(Quantity.of(1))
                .maxOrderNotional(Money.of(2))
                .maxPositionQuantity(3)
                .maxPositionValue(4)
                .priceBandPercent("5")
                .maxRiskPerTradePercent("6")
                .minRewardToRisk("7")
                .enforceMarketHours(false)
                .maxOpenPositions(8)
                .maxOpenOrders(9)
                .maxGrossExposure(10)
                .dailyLossLimit(11)
                .dailyLossLimitPercent("12")
                .maxDirectionalSkew(13)
                .checkBuyingPower(false)
                .instrumentOverride(
                        TCS,
                        InstrumentRiskLimits.builder()
                                .maxOrderNotional(14)
                                .maxPositionQuantity(15)
                                .maxPositionValue(16)
                                .priceBandPercent("17")
                                .maxRiskPerTradePercent("18")
                                .minRewardToRisk("19")
                                .build())
                .build();

        assertThat(limits.toBuilder().build()).isEqualTo(limits);
        InstrumentRiskLimits tcs = limits.instrumentOverrides().get(TCS);
        assertThat(tcs.toBuilder().build()).isEqualTo(tcs);
        assertThat(limits.forInstrument(TCS).maxPositionValue()).contains(Money.of(16));
        assertThat(limits.forInstrument(TCS).maxOrderQuantity()).contains(Quantity.of(1));
    }

    @Test
    void negative_limits_are_refused_naming_the_key() {
        assertThatThrownBy(() -> RiskLimits.builder().maxOrderNotional(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxOrderNotional must not be negative, got -1");
        assertThatThrownBy(() -> RiskLimits.builder().maxOpenOrders(-1).build())
                .hasMessage("maxOpenOrders must not be negative, got -1");
        assertThatThrownBy(() -> RiskLimits.builder()
                        .maxDirectionalSkew(Money.of("-0.01"))
                        .build())
                .hasMessage("maxDirectionalSkew must not be negative, got -0.01");
        assertThatThrownBy(() -> RiskLimits.builder().priceBandPercent("-0.5").build())
                .hasMessage("priceBandPercent must not be negative, got -0.5");
        assertThatThrownBy(
                        () -> RiskLimits.builder().dailyLossLimit(Money.of(-5)).build())
                .hasMessageStartingWith("dailyLossLimit must not be negative");
        assertThatThrownBy(() ->
                        InstrumentRiskLimits.builder().minRewardToRisk("-1").build())
                .hasMessageStartingWith("minRewardToRisk must not be negative");
    }

    @Test
    void percentages_of_a_whole_cannot_exceed_one_hundred() {
        assertThatThrownBy(() ->
                        RiskLimits.builder().dailyLossLimitPercent("100.01").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dailyLossLimitPercent is a percentage between 0 and 100, got 100.01");
        assertThatThrownBy(
                        () -> RiskLimits.builder().maxRiskPerTradePercent("150").build())
                .hasMessageStartingWith("maxRiskPerTradePercent");
        assertThat(RiskLimits.builder().dailyLossLimitPercent("100").build().dailyLossLimitPercent())
                .contains(new BigDecimal("100"));
    }

    @Test
    void a_missing_component_is_refused_naming_the_key() {
        assertThatThrownBy(() -> new InstrumentRiskLimits(
                        null,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("maxOrderQuantity is null");
    }

    @Test
    void overrides_are_copied() {
        assertThatThrownBy(() -> RiskLimits.defaults().instrumentOverrides().put(INFY, InstrumentRiskLimits.none()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
