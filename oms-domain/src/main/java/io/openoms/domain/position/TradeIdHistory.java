package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.TradeId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The trade ids of one position, in fill order, as an immutable list that successive versions of the
 * position share. A position open all day takes thousands of fills; copying its trade ids (and
 * re-checking them for duplicates) on every fill would make each fill cost the position's whole
 * history. Appending to the newest version writes one slot past its end in the shared array, which
 * no existing version can see (a version reads only below its size); appending to an older version
 * (rare: a caller keeping a stale position) copies. Membership is answered by a shared index of each
 * id's slot, so it is constant time too.
 *
 * <p>One writer at a time (the engine thread); a version may be read by other threads once it is
 * safely published, as every {@link Position} is (e.g. through a volatile field).
 */
final class TradeIdHistory extends AbstractList<TradeId> implements RandomAccess {
    /** The storage shared by the versions appended from one another, with the count of slots used. */
    private static final class Shared {
        private TradeId[] ids;
        private int used;
        private final Map<TradeId, Integer> slots;

        Shared(TradeId[] ids, int used, Map<TradeId, Integer> slots) {
            this.ids = ids;
            this.used = used;
            this.slots = slots;
        }
    }

    private final Shared shared;
    private final TradeId[] ids;
    private final int size;

    private TradeIdHistory(Shared shared, TradeId[] ids, int size) {
        this.shared = shared;
        this.ids = ids;
        this.size = size;
    }

    /**
     * The ids of {@code tradeIds} in order; a {@code TradeIdHistory} is returned as it is.
     *
     * @throws IllegalArgumentException naming the id when one appears twice
     */
    static TradeIdHistory of(List<TradeId> tradeIds) {
        if (tradeIds instanceof TradeIdHistory history) {
            return history;
        }
        TradeId[] ids = new TradeId[Math.max(4, tradeIds.size())];
        Map<TradeId, Integer> slots = new HashMap<>();
        int used = 0;
        for (TradeId id : tradeIds) {
            requireNonNull(id, "a trade id is null");
            if (slots.putIfAbsent(id, used) != null) {
                throw new IllegalArgumentException("trade id " + id + " appears twice in " + tradeIds);
            }
            ids[used++] = id;
        }
        return new TradeIdHistory(new Shared(ids, used, slots), ids, used);
    }

    /**
     * This list followed by {@code id}.
     *
     * @throws IllegalArgumentException when {@code id} is already in this list
     */
    TradeIdHistory append(TradeId id) {
        requireNonNull(id, "id is null");
        if (has(id)) {
            throw new IllegalArgumentException("trade id " + id + " is already in " + this);
        }
        if (shared.used != size) {
            // An older version: branch off with a copy of its own.
            TradeId[] copy = Arrays.copyOf(ids, Math.max(4, size * 2));
            copy[size] = id;
            Map<TradeId, Integer> slots = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                slots.put(copy[i], i);
            }
            return new TradeIdHistory(new Shared(copy, size + 1, slots), copy, size + 1);
        }
        if (size == shared.ids.length) {
            shared.ids = Arrays.copyOf(shared.ids, size * 2);
        }
        TradeId[] target = shared.ids;
        target[size] = id;
        shared.used = size + 1;
        shared.slots.put(id, size);
        return new TradeIdHistory(shared, target, size + 1);
    }

    /**
     * Whether {@code candidate} is in this list, in constant time. Writer thread only: the index is
     * shared with later versions (other threads use {@link #contains}, which scans).
     */
    boolean has(TradeId candidate) {
        Integer slot = shared.slots.get(candidate);
        return slot != null && slot < size && ids[slot].equals(candidate);
    }

    @Override
    public TradeId get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return ids[index];
    }

    @Override
    public int size() {
        return size;
    }
}
