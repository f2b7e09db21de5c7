package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.TradeId;
import java.util.HashSet;
import java.util.Set;

/**
 * The last {@code capacity} trades applied, per position key, for duplicate detection: a ring that
 * forgets the oldest trade when a new one comes, so the manager's memory stays bounded over a day
 * of fills. One thread.
 */
final class RecentTrades {
    private record Applied(PositionKey key, TradeId tradeId) {}

    private final Applied[] ring;
    private final Set<Applied> members;
    private int next;

    RecentTrades(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the recent trade window must hold at least 1 trade, got " + capacity);
        }
        this.ring = new Applied[capacity];
        this.members = new HashSet<>();
    }

    void add(PositionKey key, TradeId tradeId) {
        Applied applied = new Applied(requireNonNull(key, "key is null"), requireNonNull(tradeId, "tradeId is null"));
        if (!members.add(applied)) {
            return;
        }
        Applied oldest = ring[next];
        if (oldest != null) {
            members.remove(oldest);
        }
        ring[next] = applied;
        next = (next + 1) % ring.length;
    }

    boolean contains(PositionKey key, TradeId tradeId) {
        return members.contains(new Applied(key, tradeId));
    }
}
