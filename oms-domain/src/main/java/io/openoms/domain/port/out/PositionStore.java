package io.openoms.domain.port.out;

import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import java.util.List;
import java.util.Optional;

/**
 * Positions as last made durable by the {@link Journal}; read-only for the same reason as
 * {@link OrderStore}. Closed positions are kept with their final P&amp;L.
 *
 * <p>Thread safety: safe for concurrent readers.
 */
public interface PositionStore {
    /** The open position under {@code key}, if any. */
    Optional<Position> findOpenPosition(PositionKey key);

    /** Every open position, for recovery. */
    List<Position> findOpenPositions();

    /** Open positions, and closed ones too when {@code includeClosed}. */
    List<Position> findPositions(boolean includeClosed);
}
