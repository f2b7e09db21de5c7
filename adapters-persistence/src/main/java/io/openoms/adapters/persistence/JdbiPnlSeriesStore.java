package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.PnlReading;
import io.openoms.domain.port.out.PnlSeriesStore;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The intraday P&amp;L chart's points: one row per reading, read back per account and trading day in time order. */
final class JdbiPnlSeriesStore implements PnlSeriesStore {
    private final Jdbi jdbi;

    JdbiPnlSeriesStore(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
    }

    @Override
    public void append(PnlReading reading) {
        requireNonNull(reading, "reading is null");
        Reads.withHandle(jdbi, handle -> handle.createUpdate("INSERT INTO pnl_series (account, day_start, observed_at,"
                        + " pnl, peak) VALUES (:account, :day_start, :observed_at, :pnl, :peak)")
                .bind("account", reading.account().value())
                .bind("day_start", Sql.timestamp(reading.dayStart()))
                .bind("observed_at", Sql.timestamp(reading.observedAt()))
                .bind("pnl", reading.pnl().amount())
                .bind("peak", reading.peak().amount())
                .execute());
    }

    @Override
    public List<PnlReading> day(AccountId account, Instant dayStart) {
        requireNonNull(account, "account is null");
        requireNonNull(dayStart, "dayStart is null");
        return Reads.withHandle(jdbi, handle -> handle.createQuery("SELECT day_start, observed_at, pnl, peak FROM"
                        + " pnl_series WHERE account = :account AND day_start = :day_start ORDER BY observed_at, id")
                .bind("account", account.value())
                .bind("day_start", Sql.timestamp(dayStart))
                .map((rs, ctx) -> new PnlReading(
                        account,
                        Sql.instant(rs, "day_start"),
                        Money.of(Sql.decimal(rs, "pnl")),
                        Money.of(Sql.decimal(rs, "peak")),
                        Sql.instant(rs, "observed_at")))
                .list());
    }
}
