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
        assertRefused(KillSwitchConfig.builder().dailyLossLimit(Money.ZERO), "dailyLossLimit");
        assertRefused(KillSwitchConfig.builder().dailyLossState(TradingState.ACTIVE), "dailyLossState");
        assertRefused(KillSwitchConfig.builder().drawdownEnabled(true), "drawdownLimit");
        assertRefused(KillSwitchConfig.builder().drawdownLimit(Money.of(-1)), "drawdownLimit");
        assertRefused(KillSwitchConfig.builder().drawdownState(TradingState.ACTIVE), "drawdownState");
        assertRefused(KillSwitchConfig.builder().rejectionBurstCount(0), "rejectionBurstCount");
        assertRefused(KillSwitchConfig.builder().rejectionBurstWindow(Duration.ZERO), "rejectionBurstWindow");
        assertRefused(KillSwitchConfig.builder().rejectionBurstState(TradingState.ACTIVE), "rejectionBurstState");
        assertRefused(
                KillSwitchConfig.builder().reconciliationMismatchState(TradingState.ACTIVE),
                "reconciliationMismatchState");
        assertRefused(KillSwitchConfig.builder().sessionLostState(TradingState.ACTIVE), "sessionLostState");
        assertRefused(KillSwitchConfig.builder().staleMarketDataAfter(Duration.ofSeconds(-1)), "staleMarketDataAfter");
        assertRefused(KillSwitchConfig.builder().staleMarketDataState(TradingState.ACTIVE), "staleMarketDataState");
        assertRefused(KillSwitchConfig.builder().stateChangeTimeout(Duration.ZERO), "stateChangeTimeout");
        assertThatThrownBy(
                        () -> KillSwitchConfig.builder().sessionLostState(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("sessionLostState");
    }

    private static void assertRefused(KillSwitchConfig.Builder builder, String key) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key);
    }
}
