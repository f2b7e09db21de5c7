package io.openoms.application.killswitch;

import static io.openoms.application.config.ConfigChecks.requireDuration;
import static io.openoms.application.config.ConfigChecks.requireRange;
import static java.util.Objects.requireNonNull;

import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.Money;
import java.time.Duration;
import java.util.Optional;

/**
 * The automatic kill-switch triggers: each on or off, its threshold, and the state it moves an
 * account to ({@code REDUCING} or {@code HALTED}, never {@code ACTIVE}: only an admin resumes).
 * Every value is checked when the record is built; a bad one is refused with a message that starts
 * with its key as written under {@code kill-switch:} in {@code oms.yaml} (the app binds that section
 * straight onto this record, see docs/operations.md), e.g. {@code rejection-burst-count: must be
 * between 1 and 10000, got 0}.
 *
 * @param dailyLossEnabled trip when the day's P&amp;L is at or below minus the limit
 * @param dailyLossLimit a positive amount of loss; empty uses the account's {@code dailyLossLimit}
 *     risk limit (and the trigger is idle for an account without one)
 * @param dailyLossState the state the daily loss trigger moves to
 * @param drawdownEnabled trip when the day's P&amp;L has fallen from the day's peak by the limit
 * @param drawdownLimit a positive amount; required when the drawdown trigger is on
 * @param drawdownState the state the drawdown trigger moves to
 * @param rejectionBurstEnabled trip on {@code rejectionBurstCount} broker rejections of one account
 *     within {@code rejectionBurstWindow}
 * @param rejectionBurstCount at least 1
 * @param rejectionBurstWindow positive
 * @param rejectionBurstState the state the rejection burst trigger moves to
 * @param reconciliationMismatchEnabled trip when reconciliation finds the account's positions differ
 *     from the broker's (mismatch, phantom or unknown position)
 * @param reconciliationMismatchState the state the reconciliation trigger moves to
 * @param sessionLostEnabled trip every account bound to a broker whose session is gone
 * @param sessionLostState the state the session trigger moves to
 * @param staleMarketDataEnabled trip when an instrument with an open position shows no price change
 *     for {@code staleMarketDataAfter} while the account's session is open
 * @param staleMarketDataAfter positive
 * @param staleMarketDataState the state the stale market data trigger moves to
 * @param stateChangeTimeout how long {@code evaluate} waits for the engine (a tick, a state change)
 */
public record KillSwitchConfig(
        boolean dailyLossEnabled,
        Optional<Money> dailyLossLimit,
        TradingState dailyLossState,
        boolean drawdownEnabled,
        Optional<Money> drawdownLimit,
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
    /** A higher count would never trip in practice: the broker's own rate limits come first. */
    static final int MAX_REJECTION_BURST_COUNT = 10_000;

    public KillSwitchConfig {
        dailyLossLimit = dailyLossLimit == null ? Optional.empty() : dailyLossLimit;
        drawdownLimit = drawdownLimit == null ? Optional.empty() : drawdownLimit;
        positiveAmount("daily-loss-limit", dailyLossLimit);
        target("daily-loss-state", dailyLossState);
        positiveAmount("drawdown-limit", drawdownLimit);
        if (drawdownEnabled && drawdownLimit.isEmpty()) {
            throw new IllegalArgumentException("drawdown-limit: is required when drawdown-enabled is true");
        }
        target("drawdown-state", drawdownState);
        requireRange("rejection-burst-count", rejectionBurstCount, 1, MAX_REJECTION_BURST_COUNT);
        requireDuration("rejection-burst-window", rejectionBurstWindow, Duration.ofSeconds(1), Duration.ofHours(24));
        target("rejection-burst-state", rejectionBurstState);
        target("reconciliation-mismatch-state", reconciliationMismatchState);
        target("session-lost-state", sessionLostState);
        requireDuration("stale-market-data-after", staleMarketDataAfter, Duration.ofSeconds(1), Duration.ofHours(24));
        target("stale-market-data-state", staleMarketDataState);
        requireDuration("state-change-timeout", stateChangeTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    }

    /**
     * This configuration with the stale-market-data trigger off: for a venue whose reference prices
     * never move (the manual venue), where it would trip on every held position.
     */
    public KillSwitchConfig withoutStaleMarketData() {
        return new KillSwitchConfig(
                dailyLossEnabled,
                dailyLossLimit,
                dailyLossState,
                drawdownEnabled,
                drawdownLimit,
                drawdownState,
                rejectionBurstEnabled,
                rejectionBurstCount,
                rejectionBurstWindow,
                rejectionBurstState,
                reconciliationMismatchEnabled,
                reconciliationMismatchState,
                sessionLostEnabled,
                sessionLostState,
                false,
                staleMarketDataAfter,
                staleMarketDataState,
                stateChangeTimeout);
    }

    public boolean enabled(KillSwitchTrigger trigger) {
        return switch (trigger) {
            case DAILY_LOSS -> dailyLossEnabled;
            case DRAWDOWN -> drawdownEnabled;
            case REJECTION_BURST -> rejectionBurstEnabled;
            case RECONCILIATION_MISMATCH -> reconciliationMismatchEnabled;
            case SESSION_LOST -> sessionLostEnabled;
            case STALE_MARKET_DATA -> staleMarketDataEnabled;
        };
    }

    /** The state {@code trigger} moves an account to. */
    public TradingState state(KillSwitchTrigger trigger) {
        return switch (trigger) {
            case DAILY_LOSS -> dailyLossState;
            case DRAWDOWN -> drawdownState;
            case REJECTION_BURST -> rejectionBurstState;
            case RECONCILIATION_MISMATCH -> reconciliationMismatchState;
            case SESSION_LOST -> sessionLostState;
            case STALE_MARKET_DATA -> staleMarketDataState;
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void positiveAmount(String key, Optional<Money> value) {
        requireNonNull(value, key + " is null");
        if (value.isPresent() && !value.get().isPositive()) {
            throw new IllegalArgumentException(key + ": must be a positive amount, got " + value.get());
        }
    }

    private static void target(String key, TradingState value) {
        if (value == null || value == TradingState.ACTIVE) {
            throw new IllegalArgumentException(
                    key + ": must be reducing or halted (only an admin resumes trading), got " + value);
        }
    }

    /**
     * Defaults: daily loss on (the account's {@code dailyLossLimit}) → HALTED; drawdown off →
     * REDUCING; rejection burst on, 5 within 1 minute → HALTED; reconciliation mismatch on →
     * HALTED; session lost on → HALTED; stale market data on, 5 minutes → REDUCING; 5 s timeout.
     */
    public static final class Builder {
        private boolean dailyLossEnabled = true;
        private Money dailyLossLimit;
        private TradingState dailyLossState = TradingState.HALTED;
        private boolean drawdownEnabled;
        private Money drawdownLimit;
        private TradingState drawdownState = TradingState.REDUCING;
        private boolean rejectionBurstEnabled = true;
        private int rejectionBurstCount = 5;
        private Duration rejectionBurstWindow = Duration.ofMinutes(1);
        private TradingState rejectionBurstState = TradingState.HALTED;
        private boolean reconciliationMismatchEnabled = true;
        private TradingState reconciliationMismatchState = TradingState.HALTED;
        private boolean sessionLostEnabled = true;
        private TradingState sessionLostState = TradingState.HALTED;
        private boolean staleMarketDataEnabled = true;
        private Duration staleMarketDataAfter = Duration.ofMinutes(5);
        private TradingState staleMarketDataState = TradingState.REDUCING;
        private Duration stateChangeTimeout = Duration.ofSeconds(5);

        private Builder() {}

        public Builder dailyLossEnabled(boolean value) {
            this.dailyLossEnabled = value;
            return this;
        }

        public Builder dailyLossLimit(Money value) {
            this.dailyLossLimit = value;
            return this;
        }

        public Builder dailyLossState(TradingState value) {
            this.dailyLossState = value;
            return this;
        }

        public Builder drawdownEnabled(boolean value) {
            this.drawdownEnabled = value;
            return this;
        }

        public Builder drawdownLimit(Money value) {
            this.drawdownLimit = value;
            return this;
        }

        public Builder drawdownState(TradingState value) {
            this.drawdownState = value;
            return this;
        }

        public Builder rejectionBurstEnabled(boolean value) {
            this.rejectionBurstEnabled = value;
            return this;
        }

        public Builder rejectionBurstCount(int value) {
            this.rejectionBurstCount = value;
            return this;
        }

        public Builder rejectionBurstWindow(Duration value) {
            this.rejectionBurstWindow = value;
            return this;
        }

        public Builder rejectionBurstState(TradingState value) {
            this.rejectionBurstState = value;
            return this;
        }

        public Builder reconciliationMismatchEnabled(boolean value) {
            this.reconciliationMismatchEnabled = value;
            return this;
        }

        public Builder reconciliationMismatchState(TradingState value) {
            this.reconciliationMismatchState = value;
            return this;
        }

        public Builder sessionLostEnabled(boolean value) {
            this.sessionLostEnabled = value;
            return this;
        }

        public Builder sessionLostState(TradingState value) {
            this.sessionLostState = value;
            return this;
        }

        public Builder staleMarketDataEnabled(boolean value) {
            this.staleMarketDataEnabled = value;
            return this;
        }

        public Builder staleMarketDataAfter(Duration value) {
            this.staleMarketDataAfter = value;
            return this;
        }

        public Builder staleMarketDataState(TradingState value) {
            this.staleMarketDataState = value;
            return this;
        }

        public Builder stateChangeTimeout(Duration value) {
            this.stateChangeTimeout = value;
            return this;
        }

        public KillSwitchConfig build() {
            return new KillSwitchConfig(
                    dailyLossEnabled,
                    Optional.ofNullable(dailyLossLimit),
                    dailyLossState,
                    drawdownEnabled,
                    Optional.ofNullable(drawdownLimit),
                    drawdownState,
                    rejectionBurstEnabled,
                    rejectionBurstCount,
                    rejectionBurstWindow,
                    rejectionBurstState,
                    reconciliationMismatchEnabled,
                    reconciliationMismatchState,
                    sessionLostEnabled,
                    sessionLostState,
                    staleMarketDataEnabled,
                    staleMarketDataAfter,
                    staleMarketDataState,
                    stateChangeTimeout);
        }
    }
}
