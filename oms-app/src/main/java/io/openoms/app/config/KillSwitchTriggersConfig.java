package io.openoms.app.config;

import io.openoms.application.killswitch.KillSwitchConfig;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The automatic kill-switch triggers (see {@link KillSwitchConfig}), evaluated every {@code
 * schedules.order-monitor}. Each {@code *-state} is {@code reducing} or {@code halted} (only an admin
 * resumes).
 *
 * @param dailyLossEnabled {@code kill-switch.daily-loss-enabled} (default true)
 * @param dailyLossLimit {@code kill-switch.daily-loss-limit}: a positive amount; absent uses the account's
 *     {@code daily-loss-limit} risk limit
 * @param dailyLossState {@code kill-switch.daily-loss-state} (default halted)
 * @param drawdownEnabled {@code kill-switch.drawdown-enabled} (default false)
 * @param drawdownLimit {@code kill-switch.drawdown-limit}: required when the drawdown trigger is on
 * @param drawdownState {@code kill-switch.drawdown-state} (default reducing)
 * @param rejectionBurstEnabled {@code kill-switch.rejection-burst-enabled} (default true)
 * @param rejectionBurstCount {@code kill-switch.rejection-burst-count}: broker rejections (default 5)
 * @param rejectionBurstWindow {@code kill-switch.rejection-burst-window}: within this long (default 1m)
 * @param rejectionBurstState {@code kill-switch.rejection-burst-state} (default halted)
 * @param reconciliationMismatchEnabled {@code kill-switch.reconciliation-mismatch-enabled} (default true)
 * @param reconciliationMismatchState {@code kill-switch.reconciliation-mismatch-state} (default halted)
 * @param sessionLostEnabled {@code kill-switch.session-lost-enabled} (default true)
 * @param sessionLostState {@code kill-switch.session-lost-state} (default halted)
 * @param staleMarketDataEnabled {@code kill-switch.stale-market-data-enabled} (default true)
 * @param staleMarketDataAfter {@code kill-switch.stale-market-data-after} (default 5m)
 * @param staleMarketDataState {@code kill-switch.stale-market-data-state} (default reducing)
 * @param stateChangeTimeout {@code kill-switch.state-change-timeout}: wait for the engine (default 5s)
 */
public record KillSwitchTriggersConfig(
        boolean dailyLossEnabled,
        Optional<BigDecimal> dailyLossLimit,
        TradingState dailyLossState,
        boolean drawdownEnabled,
        Optional<BigDecimal> drawdownLimit,
        TradingState drawdownState,
        boolean rejectionBurstEnabled,
        int rejectionBurstCount,
        Duration rejectionBurstWindow,
        TradingState rejectionBurstState,
        boolean reconciliationMismatchEnabled,
        TradingState reconciliationMismatchState,
        boolean sessionLostEnabled,
        TradingState sessionLostState,
        boolean staleMarketDataEnabled,
        Duration staleMarketDataAfter,
        TradingState staleMarketDataState,
        Duration stateChangeTimeout) {
    public static final KillSwitchTriggersConfig DEFAULT = new KillSwitchTriggersConfig(
            true,
            Optional.empty(),
            TradingState.HALTED,
            false,
            Optional.empty(),
            TradingState.REDUCING,
            true,
            5,
            Duration.ofMinutes(1),
            TradingState.HALTED,
            true,
            TradingState.HALTED,
            true,
            TradingState.HALTED,
            true,
            Duration.ofMinutes(5),
            TradingState.REDUCING,
            Duration.ofSeconds(5));

    public KillSwitchTriggersConfig {
        dailyLossLimit = dailyLossLimit == null ? Optional.empty() : dailyLossLimit;
        drawdownLimit = drawdownLimit == null ? Optional.empty() : drawdownLimit;
        positive("daily-loss-limit", dailyLossLimit);
        positive("drawdown-limit", drawdownLimit);
        if (drawdownEnabled && drawdownLimit.isEmpty()) {
            throw new IllegalArgumentException("drawdown-limit: is required when drawdown-enabled is true");
        }
        target("daily-loss-state", dailyLossState);
        target("drawdown-state", drawdownState);
        target("rejection-burst-state", rejectionBurstState);
        target("reconciliation-mismatch-state", reconciliationMismatchState);
        target("session-lost-state", sessionLostState);
        target("stale-market-data-state", staleMarketDataState);
        if (rejectionBurstCount < 1 || rejectionBurstCount > 10_000) {
            throw new IllegalArgumentException(
                    "rejection-burst-count: must be between 1 and 10000, got " + rejectionBurstCount);
        }
        Durations.require("rejection-burst-window", rejectionBurstWindow, Duration.ofSeconds(1), Duration.ofHours(24));
        Durations.require("stale-market-data-after", staleMarketDataAfter, Duration.ofSeconds(1), Duration.ofHours(24));
        Durations.require("state-change-timeout", stateChangeTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    }

    public KillSwitchConfig toKillSwitchConfig() {
        return toKillSwitchConfig(true);
    }

    /**
     * The triggers; {@code pricesMove} false (the manual venue, whose reference prices are the configured
     * ones and never move) turns the stale-market-data trigger off, since it would trip on every held
     * position after {@code stale-market-data-after}.
     */
    public KillSwitchConfig toKillSwitchConfig(boolean pricesMove) {
        KillSwitchConfig.Builder builder = KillSwitchConfig.builder()
                .dailyLossEnabled(dailyLossEnabled)
                .dailyLossState(dailyLossState)
                .drawdownEnabled(drawdownEnabled)
                .drawdownState(drawdownState)
                .rejectionBurstEnabled(rejectionBurstEnabled)
                .rejectionBurstCount(rejectionBurstCount)
                .rejectionBurstWindow(rejectionBurstWindow)
                .rejectionBurstState(rejectionBurstState)
                .reconciliationMismatchEnabled(reconciliationMismatchEnabled)
                .reconciliationMismatchState(reconciliationMismatchState)
                .sessionLostEnabled(sessionLostEnabled)
                .sessionLostState(sessionLostState)
                .staleMarketDataEnabled(staleMarketDataEnabled && pricesMove)
                .staleMarketDataAfter(staleMarketDataAfter)
                .staleMarketDataState(staleMarketDataState)
                .stateChangeTimeout(stateChangeTimeout);
        dailyLossLimit.map(Money::of).ifPresent(builder::dailyLossLimit);
        drawdownLimit.map(Money::of).ifPresent(builder::drawdownLimit);
        return builder.build();
    }

    private static void positive(String key, Optional<BigDecimal> amount) {
        if (amount.isPresent() && amount.get().signum() <= 0) {
            throw new IllegalArgumentException(key + ": must be a positive amount, got " + amount.get());
        }
    }

    private static void target(String key, TradingState state) {
        if (state == null || state == TradingState.ACTIVE) {
            throw new IllegalArgumentException(
                    key + ": must be reducing or halted (only an admin resumes trading), got " + state);
        }
    }
}
