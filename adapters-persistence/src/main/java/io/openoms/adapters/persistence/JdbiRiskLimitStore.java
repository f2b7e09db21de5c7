package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Risk limits (JSON text per account) and trading states. A save updates the account's row or
 * inserts it; saves are serialized in this process, which is the only writer.
 */
final class JdbiRiskLimitStore implements RiskLimitStore {
    private final Jdbi jdbi;
    private final Clock clock;

    JdbiRiskLimitStore(Jdbi jdbi, Clock clock) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Optional<RiskLimits> limits(AccountId account) {
        requireNonNull(account, "account is null");
        return Reads.withHandle(
                jdbi, handle -> handle.createQuery("SELECT limits FROM risk_limits WHERE account = :account")
                        .bind("account", account.value())
                        .mapTo(String.class)
                        .findOne()
                        .map(RiskLimitsCodec::decode));
    }

    @Override
    public Map<AccountId, RiskLimits> allLimits() {
        return Reads.withHandle(jdbi, handle -> {
            Map<AccountId, RiskLimits> all = new LinkedHashMap<>();
            handle.createQuery("SELECT account, limits FROM risk_limits ORDER BY account")
                    .map((rs, ctx) -> Map.entry(
                            AccountId.of(rs.getString("account")), RiskLimitsCodec.decode(rs.getString("limits"))))
                    .forEach(e -> all.put(e.getKey(), e.getValue()));
            return Map.copyOf(all);
        });
    }

    @Override
    public synchronized void saveLimits(AccountId account, RiskLimits limits) {
        requireNonNull(account, "account is null");
        requireNonNull(limits, "limits is null");
        String text = RiskLimitsCodec.encode(limits);
        Reads.withHandle(
                jdbi,
                handle -> handle.inTransaction(tx -> {
                    int updated = tx.createUpdate(
                                    "UPDATE risk_limits SET limits = :limits, updated_at = :at WHERE account = :account")
                            .bind("account", account.value())
                            .bind("limits", text)
                            .bind("at", Sql.timestamp(clock.instant()))
                            .execute();
                    if (updated == 0) {
                        tx.createUpdate(
                                        "INSERT INTO risk_limits (account, limits, updated_at) VALUES (:account, :limits, :at)")
                                .bind("account", account.value())
                                .bind("limits", text)
                                .bind("at", Sql.timestamp(clock.instant()))
                                .execute();
                    }
                    return null;
                }));
    }

    @Override
    public Optional<TradingStateChange> tradingState(AccountId account) {
        requireNonNull(account, "account is null");
        return Reads.withHandle(jdbi, handle -> handle.createQuery(
                        "SELECT state, reason, changed_by, changed_at FROM trading_state WHERE account = :account")
                .bind("account", account.value())
                .map((rs, ctx) -> new TradingStateChange(
                        TradingState.valueOf(rs.getString("state")),
                        rs.getString("reason"),
                        rs.getString("changed_by"),
                        Sql.instant(rs, "changed_at")))
                .findOne());
    }

    @Override
    public Map<AccountId, TradingStateChange> allTradingStates() {
        return Reads.withHandle(jdbi, handle -> {
            Map<AccountId, TradingStateChange> all = new LinkedHashMap<>();
            handle.createQuery("SELECT account, state, reason, changed_by, changed_at FROM trading_state")
                    .map((rs, ctx) -> Map.entry(
                            AccountId.of(rs.getString("account")),
                            new TradingStateChange(
                                    TradingState.valueOf(rs.getString("state")),
                                    rs.getString("reason"),
                                    rs.getString("changed_by"),
                                    Sql.instant(rs, "changed_at"))))
                    .forEach(e -> all.put(e.getKey(), e.getValue()));
            return Map.copyOf(all);
        });
    }

    @Override
    public synchronized void saveTradingState(AccountId account, TradingStateChange change) {
        requireNonNull(account, "account is null");
        requireNonNull(change, "change is null");
        Reads.withHandle(
                jdbi,
                handle -> handle.inTransaction(tx -> {
                    int updated = tx.createUpdate("UPDATE trading_state SET state = :state, reason = :reason,"
                                    + " changed_by = :changed_by, changed_at = :changed_at WHERE account = :account")
                            .bind("account", account.value())
                            .bind("state", change.state().name())
                            .bind("reason", change.reason())
                            .bind("changed_by", change.changedBy())
                            .bind("changed_at", Sql.timestamp(change.changedAt()))
                            .execute();
                    if (updated == 0) {
                        tx.createUpdate("INSERT INTO trading_state (account, state, reason, changed_by, changed_at)"
                                        + " VALUES (:account, :state, :reason, :changed_by, :changed_at)")
                                .bind("account", account.value())
                                .bind("state", change.state().name())
                                .bind("reason", change.reason())
                                .bind("changed_by", change.changedBy())
                                .bind("changed_at", Sql.timestamp(change.changedAt()))
                                .execute();
                    }
                    return null;
                }));
    }
}
