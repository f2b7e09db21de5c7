package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The closed positions in closing order, append-only. A day's history grows with every round trip,
 * so readers get {@link #snapshot() snapshots} that share the storage instead of copying it: a slot
 * below a snapshot's size is never written again, and growing moves later appends to a new array,
 * so a snapshot never changes. One writer; a snapshot may be read by other threads once it is
 * safely published (e.g. through a volatile field).
 */
final class ClosedPositionHistory {
    private Position[] positions = new Position[16];
    private int size;

    void append(Position position) {
        requireNonNull(position, "position is null");
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size] = position;
        size++;
    }

    /** The closed positions so far, followed by {@code tail}; an immutable view of both. */
    List<Position> snapshot(List<Position> tail) {
        return new Snapshot(positions, size, List.copyOf(tail));
    }

    private static final class Snapshot extends AbstractList<Position> implements RandomAccess {
        private final Position[] closed;
        private final int closedSize;
        private final List<Position> tail;

        Snapshot(Position[] closed, int closedSize, List<Position> tail) {
            this.closed = closed;
            this.closedSize = closedSize;
            this.tail = tail;
        }

        @Override
        public Position get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("index " + index + " of " + size());
            }
            return index < closedSize ? closed[index] : tail.get(index - closedSize);
        }

        @Override
        public int size() {
            return closedSize + tail.size();
        }
    }
}
