package io.openoms.application.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.Money;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KillSwitchConfigTest {
    @Test
    void defaults() {
        KillSwitchConfig config = KillSwitchConfig.builder().build();

        assertThat(config.dailyLossEnabled()).isTrue();
        assertThat(config.dailyLossLimit()).isEmpty();
        assertThat(config.dailyLossState()).isEqualTo(TradingState.HALTED);
        assertThat(config.drawdownEnabled()).isFalse();
        assertThat(config.drawdownLimit()).isEmpty();
        assertThat(config.drawdownState()).isEqualTo(TradingState.REDUCING);
        assertThat(config.rejectionBurstEnabled()).isTrue();
        assertThat(config.rejectionBurstCount()).isEqualTo(5);
        assertThat(config.rejectionBurstWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.rejectionBurstState()).isEqualTo(TradingState.HALTED);
        assertThat(config.reconciliationMismatchEnabled()).isTrue();
        assertThat(config.reconciliationMismatchState()).isEqualTo(TradingState.HALTED);
        assertThat(config.sessionLostEnabled()).isTrue();
        assertThat(config.sessionLostState()).isEqualTo(TradingState.HALTED);
        assertThat(config.staleMarketDataEnabled()).isTrue();
        assertThat(config.staleMarketDataAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.staleMarketDataState()).isEqualTo(TradingState.REDUCING);
        assertThat(config.stateChangeTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void every_key_is_set() {
        KillSwitchConfig config = KillSwitchConfig.builder()
                .dailyLossEnabled(false)
                .dailyLossLimit(Money.of(1000))
                .dailyLossState(TradingState.REDUCING)
                .drawdownEnabled(true)
                .drawdownLimit(Money.of(500))
                .drawdownState(TradingState.HALTED)
                .rejectionBurstEnabled(false)
                .rejectionBurstCount(9)
                .rejectionBurstWindow(Duration.ofSeconds(10))
                .rejectionBurstState(TradingState.REDUCING)
                .reconciliationMismatchEnabled(false)
                .reconciliationMismatchState(TradingState.REDUCING)
                .sessionLostEnabled(false)
                .sessionLostState(TradingState.REDUCING)
                .staleMarketDataEnabled(false)
                .staleMarketDataAfter(Duration.ofSeconds(30))
                .staleMarketDataState(TradingState.HALTED)
                .stateChangeTimeout(Duration.ofSeconds(1))
                .build();

        assertThat(config)
                .isEqualTo(new KillSwitchConfig(
                        false,
                        Optional.of(Money.of(1000)),
                        TradingState.REDUCING,
                        true,
                        Optional.of(Money.of(500)),
                        TradingState.HALTED,
                        false,
                        9,
                        Duration.ofSeconds(10),
                        TradingState.REDUCING,
                        false,
                        TradingState.REDUCING,
                        false,
                        TradingState.REDUCING,
                        false,
                        Duration.ofSeconds(30),
                        TradingState.HALTED,
                        Duration.ofSeconds(1)));
        for (KillSwitchTrigger trigger : KillSwitchTrigger.values()) {
            assertThat(config.enabled(trigger)).isEqualTo(trigger == KillSwitchTrigger.DRAWDOWN);
            assertThat(config.state(trigger)).isNotEqualTo(TradingState.ACTIVE);
            assertThat(trigger.actor()).isEqualTo("auto:" + trigger.key());
        }
    }

    @Test
    void bad_values_are_refused_naming_their_key() {
        assertRefused(KillSwitchConfig.builder().dailyLossLimit(Money.ZERO), "daily-loss-limit");
        assertRefused(KillSwitchConfig.builder().dailyLossState(TradingState.ACTIVE), "daily-loss-state");
        assertRefused(KillSwitchConfig.builder().drawdownEnabled(true), "drawdown-limit");
        assertRefused(KillSwitchConfig.builder().drawdownLimit(Money.of(-1)), "drawdown-limit");
        assertRefused(KillSwitchConfig.builder().drawdownState(TradingState.ACTIVE), "drawdown-state");
        assertRefused(KillSwitchConfig.builder().rejectionBurstCount(0), "rejection-burst-count");
        assertRefused(KillSwitchConfig.builder().rejectionBurstWindow(Duration.ZERO), "rejection-burst-window");
        assertRefused(KillSwitchConfig.builder().rejectionBurstState(TradingState.ACTIVE), "rejection-burst-state");
        assertRefused(
                KillSwitchConfig.builder().reconciliationMismatchState(TradingState.ACTIVE),
                "reconciliation-mismatch-state");
        assertRefused(KillSwitchConfig.builder().sessionLostState(TradingState.ACTIVE), "session-lost-state");
        assertRefused(
                KillSwitchConfig.builder().staleMarketDataAfter(Duration.ofSeconds(-1)), "stale-market-data-after");
        assertRefused(KillSwitchConfig.builder().staleMarketDataState(TradingState.ACTIVE), "stale-market-data-state");
        assertRefused(KillSwitchConfig.builder().stateChangeTimeout(Duration.ZERO), "state-change-timeout");
        assertRefused(KillSwitchConfig.builder().sessionLostState(null), "session-lost-state");
    }

    @Test
    void the_bounds_the_configuration_allows_are_the_records_own() {
        assertRefused(KillSwitchConfig.builder().rejectionBurstCount(10_001), "rejection-burst-count");
        assertRefused(KillSwitchConfig.builder().rejectionBurstWindow(Duration.ofHours(25)), "rejection-burst-window");
        assertRefused(
                KillSwitchConfig.builder().staleMarketDataAfter(Duration.ofMillis(999)), "stale-market-data-after");
        assertRefused(KillSwitchConfig.builder().stateChangeTimeout(Duration.ofMinutes(6)), "state-change-timeout");
        assertThatThrownBy(() -> KillSwitchConfig.builder()
                        .rejectionBurstWindow(Duration.ZERO)
                        .build())
                .hasMessage("rejection-burst-window: must be between 1s and 24h, got 0s");
    }

    private static void assertRefused(KillSwitchConfig.Builder builder, String key) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key);
    }
}
