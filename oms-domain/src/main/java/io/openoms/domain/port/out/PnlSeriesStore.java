package io.openoms.domain.port.out;

import io.openoms.domain.value.AccountId;
import java.time.Instant;
import java.util.List;

/**
 * The intraday P&amp;L readings kept so the dashboard's chart survives a restart. Not on the trading path:
 * a reading is written after the fact, and a failed write loses one chart point, never an order or a
 * fill. Thread safety: safe to call from any thread.
 */
public interface PnlSeriesStore {
    /** Appends one reading; durable when it returns. */
    void append(PnlReading reading);

    /** The readings of {@code account} for the trading day that started at {@code dayStart}, oldest first. */
    List<PnlReading> day(AccountId account, Instant dayStart);
}
