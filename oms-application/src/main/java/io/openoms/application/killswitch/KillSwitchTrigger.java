package io.openoms.application.killswitch;

/** The automatic kill-switch triggers; {@link #key()} names it in configuration and in the actor {@code auto:<key>}. */
public enum KillSwitchTrigger {
    /** The day's P&amp;L at or below minus the daily loss limit. */
    DAILY_LOSS("dailyLoss"),
    /** The day's P&amp;L fallen from the day's peak by the drawdown limit or more. */
    DRAWDOWN("drawdown"),
    /** Too many broker rejections within a window. */
    REJECTION_BURST("rejectionBurst"),
    /** Reconciliation found our positions differ from the broker's. */
    RECONCILIATION_MISMATCH("reconciliationMismatch"),
    /** The broker session expired or was revoked. */
    SESSION_LOST("sessionLost"),
    /** No price change for an instrument with an open position while its market is open. */
    STALE_MARKET_DATA("staleMarketData");

    private final String key;

    KillSwitchTrigger(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Who made the change, as recorded with the trading state. */
    public String actor() {
        return "auto:" + key;
    }
}
