package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;

/**
 * The outcome of applying one fill: what kind of change it was, the position after it (closed when
 * the change is {@link PositionChange#CLOSED}; for a duplicate, the position the trade was already
 * in), and the realized P&L this fill added, net of its fee (zero for a duplicate).
 */
public record PositionUpdate(PositionChange change, Position position, Money realizedPnlChange) {
    public PositionUpdate {
        requireNonNull(change, "change is null");
        requireNonNull(position, "position is null");
        requireNonNull(realizedPnlChange, "realizedPnlChange is null");
    }

    public boolean isDuplicate() {
        return change == PositionChange.DUPLICATE;
    }
}
