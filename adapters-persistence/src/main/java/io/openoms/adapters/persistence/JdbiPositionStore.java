package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Positions as last journalled (the {@code positions} projection, caught up before each read), open ones and, on request, closed ones; oldest first. */
final class JdbiPositionStore implements PositionStore {
    private static final String ORDER = " ORDER BY opened_at, account, strategy, instrument, product, opening_trade_id";

    private final Jdbi jdbi;
    /** Brings the {@code positions} projection up to date; run before each query of it. */
    private final Runnable catchUp;

    JdbiPositionStore(Jdbi jdbi, Runnable catchUp) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
        this.catchUp = requireNonNull(catchUp, "catchUp is null");
    }

    @Override
    public Optional<Position> findOpenPosition(PositionKey key) {
        requireNonNull(key, "key is null");
        catchUp.run();
        return Reads.withHandle(jdbi, handle -> handle.createQuery(PositionRows.SELECT
                        + " WHERE account = :account AND strategy = :strategy AND instrument = :instrument"
                        + " AND product = :product AND is_open = TRUE" + ORDER)
                .bind("account", key.account().value())
                .bind("strategy", key.strategy().value())
                .bind("instrument", key.instrument().toString())
                .bind("product", key.product().code())
                .map(PositionRows::map)
                .findFirst());
    }

    @Override
    public List<Position> findOpenPositions() {
        return findPositions(false);
    }

    @Override
    public List<Position> findPositions(boolean includeClosed) {
        String where = includeClosed ? "" : " WHERE is_open = TRUE";
        catchUp.run();
        return Reads.withHandle(jdbi, handle -> handle.createQuery(PositionRows.SELECT + where + ORDER)
                .map(PositionRows::map)
                .list());
    }
}
