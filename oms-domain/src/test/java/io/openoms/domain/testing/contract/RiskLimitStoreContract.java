package io.openoms.domain.testing.contract;

import static io.openoms.domain.testing.contract.ContractFixtures.ACC1;
import static io.openoms.domain.testing.contract.ContractFixtures.ACC2;
import static io.openoms.domain.testing.contract.ContractFixtures.ACC3;
import static io.openoms.domain.testing.contract.ContractFixtures.BTC;
import static io.openoms.domain.testing.contract.ContractFixtures.INFY;
import static io.openoms.domain.testing.contract.ContractFixtures.NIFTY_FUT;
import static io.openoms.domain.testing.contract.ContractFixtures.T0;
import static io.openoms.domain.testing.contract.ContractFixtures.assertSameValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RiskLimitStore}. An implementation's test extends this class, provides the
 * store and {@link #restartStore()}; every test starts on an empty store, and the contract calls
 * {@link #riskLimitStore()} again after a restart.
 *
 * <p>Limits come back with every key and override; decimals with their value (a raw {@link
 * java.math.BigDecimal} limit such as a percentage need not keep its scale). Trading-state times
 * are whole microseconds and come back exactly.
 */
public abstract class RiskLimitStoreContract {
    /** The store under test. */
    protected abstract RiskLimitStore riskLimitStore();

    /** Drops every in-memory object of the store and reopens it on the same data. */
    protected abstract void restartStore();

    @Test
    public void an_empty_store_has_no_limits_and_no_states() {
        assertThat(riskLimitStore().limits(ACC1)).isEmpty();
        assertThat(riskLimitStore().allLimits()).isEmpty();
        assertThat(riskLimitStore().tradingState(ACC1)).isEmpty();
        assertThat(riskLimitStore().allTradingStates()).isEmpty();
    }

    @Test
    public void every_limit_key_and_instrument_override_round_trips_exactly() {
        RiskLimits limits = everyLimit();
        riskLimitStore().saveLimits(ACC1, limits);

        assertSameValue(riskLimitStore().limits(ACC1).orElseThrow(), limits);
        restartStore();
        RiskLimits restored = riskLimitStore().limits(ACC1).orElseThrow();
        assertSameValue(restored, limits);
        assertThat(restored.instrumentOverrides()).containsOnlyKeys(INFY.id(), BTC.id(), NIFTY_FUT.id());
        assertThat(restored.maxOrderNotional()).contains(Money.of("123456789012.3456"));
        assertThat(restored.maxOrderQuantity()).contains(Quantity.of("0.001"));
        assertThat(restored.priceBandPercent().orElseThrow()).isEqualByComparingTo("2.5");
        assertSameValue(restored.forInstrument(INFY.id()), limits.forInstrument(INFY.id()));
    }

    @Test
    public void limits_with_nothing_set_and_the_defaults_round_trip() {
        riskLimitStore().saveLimits(ACC1, RiskLimits.none());
        riskLimitStore().saveLimits(ACC2, RiskLimits.defaults());
        restartStore();

        assertSameValue(riskLimitStore().limits(ACC1).orElseThrow(), RiskLimits.none());
        assertSameValue(riskLimitStore().limits(ACC2).orElseThrow(), RiskLimits.defaults());
    }

    @Test
    public void saving_limits_replaces_the_accounts_previous_limits_whole() {
        riskLimitStore().saveLimits(ACC1, everyLimit());
        RiskLimits fewer = RiskLimits.builder().maxOpenOrders(3).build();
        riskLimitStore().saveLimits(ACC1, fewer);

        assertSameValue(riskLimitStore().limits(ACC1).orElseThrow(), fewer);
        restartStore();
        RiskLimits restored = riskLimitStore().limits(ACC1).orElseThrow();
        assertSameValue(restored, fewer);
        assertThat(restored.instrumentOverrides()).isEmpty();
        assertThat(restored.maxOrderNotional()).isEmpty();
    }

    @Test
    public void limits_are_kept_per_account() {
        RiskLimits first = everyLimit();
        RiskLimits second = RiskLimits.builder().dailyLossLimit(50_000).build();
        riskLimitStore().saveLimits(ACC1, first);
        riskLimitStore().saveLimits(ACC3, second);
        restartStore();

        Map<AccountId, RiskLimits> all = riskLimitStore().allLimits();
        assertThat(all).containsOnlyKeys(ACC1, ACC3);
        assertSameValue(all.get(ACC1), first);
        assertSameValue(all.get(ACC3), second);
        assertThat(riskLimitStore().limits(ACC2)).isEmpty();
    }

    @Test
    public void a_trading_state_round_trips_with_its_reason_author_and_time() {
        TradingStateChange halted =
                new TradingStateChange(TradingState.HALTED, "daily loss limit reached", "risk-monitor", T0);
        riskLimitStore().saveTradingState(ACC1, halted);
        assertThat(riskLimitStore().tradingState(ACC1)).contains(halted);

        restartStore();
        assertThat(riskLimitStore().tradingState(ACC1)).contains(halted);
        assertThat(riskLimitStore().tradingState(ACC2)).isEmpty();
    }

    @Test
    public void saving_a_trading_state_replaces_the_previous_one_and_states_are_kept_per_account() {
        TradingStateChange halted = new TradingStateChange(TradingState.HALTED, "kill switch", "admin@desk", T0);
        TradingStateChange reducing = new TradingStateChange(
                TradingState.REDUCING, "", "ops", T0.plusSeconds(60).plusNanos(1000));
        TradingStateChange active = new TradingStateChange(
                TradingState.ACTIVE, "resumed after review: limits raised", "admin@desk", T0.plusSeconds(3600));
        riskLimitStore().saveTradingState(ACC1, halted);
        riskLimitStore().saveTradingState(ACC2, reducing);
        riskLimitStore().saveTradingState(ACC1, active);
        restartStore();

        assertThat(riskLimitStore().tradingState(ACC1)).contains(active);
        assertThat(riskLimitStore().allTradingStates()).isEqualTo(Map.of(ACC1, active, ACC2, reducing));
    }

    /** Every account-level key set, and overrides that set some keys and inherit others. */
    private static RiskLimits everyLimit() {
        return RiskLimits.builder()
                .maxOrderQuantity(Quantity.of("0.001"))
                .maxOrderNotional(Money.of("123456789012.3456"))
                .maxPositionQuantity(Quantity.of("2500.5"))
                .maxPositionValue(Money.of("5000000.05"))
                .priceBandPercent("2.5")
                .maxRiskPerTradePercent("0.75")
                .minRewardToRisk("1.5")
                .enforceMarketHours(false)
                .maxOpenPositions(12)
                .maxOpenOrders(0)
                .maxGrossExposure(Money.of("10000000"))
                .dailyLossLimit(Money.of("50000.5"))
                .dailyLossLimitPercent("3")
                .maxDirectionalSkew(Money.of("400000.125"))
                .checkBuyingPower(true)
                .instrumentOverride(
                        INFY.id(),
                        InstrumentRiskLimits.builder()
                                .maxOrderQuantity(500)
                                .priceBandPercent("10")
                                .enforceMarketHours(true)
                                .build())
                .instrumentOverride(
                        BTC.id(),
                        InstrumentRiskLimits.builder()
                                .maxOrderQuantity(Quantity.of("0.5"))
                                .maxOrderNotional(Money.of("32000.01"))
                                .maxPositionQuantity(Quantity.of("2"))
                                .maxPositionValue(Money.of("128000"))
                                .maxRiskPerTradePercent("1")
                                .minRewardToRisk("2")
                                .enforceMarketHours(false)
                                .build())
                .instrumentOverride(NIFTY_FUT.id(), InstrumentRiskLimits.none())
                .build();
    }
}
