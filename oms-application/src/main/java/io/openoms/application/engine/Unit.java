package io.openoms.application.engine;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionChange;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.value.AccountId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What one command, or a group of commands, changed and what it will do once that is durable: the
 * events and the orders and positions they changed (the journal batch), the events to publish, and
 * the actions to run on the engine thread after the append succeeded ({@link #afterCommit}: complete
 * callers, send broker requests) or failed ({@link #onFailure}). Engine thread only.
 */
final class Unit {
    private final List<OrderEvent> events = new ArrayList<>();
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<PositionSlot, Position> positions = new LinkedHashMap<>();
    private final List<OmsEvent> published = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Consumer<String>> onFailure = new ArrayList<>();
    private final Set<AccountId> positionAccounts = new HashSet<>();

    private record PositionSlot(PositionKey key, TradeId openingTrade) {}

    void event(OrderEvent event, Order after) {
        events.add(event);
        orders.put(after.id(), after);
        published.add(new OmsEvent.OrderUpdated(event, after));
    }

    void position(Position position, PositionChange change) {
        // A position is identified by its key and its opening trade, as in the store: a position closed
        // and the next one opened on the same key at the same instant are two positions.
        positions.put(new PositionSlot(position.key(), position.tradeIds().get(0)), position);
        positionAccounts.add(position.key().account());
        published.add(new OmsEvent.PositionUpdated(position, change));
    }

    /** A position changed without a journalled event (a mark). */
    void marked(AccountId account) {
        positionAccounts.add(account);
    }

    void publish(OmsEvent event) {
        published.add(event);
    }

    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        afterCommit.add(() -> future.complete(value));
    }

    void onFailure(Consumer<String> action) {
        onFailure.add(action);
    }

    void merge(Unit other) {
        events.addAll(other.events);
        orders.putAll(other.orders);
        positions.putAll(other.positions);
        published.addAll(other.published);
        afterCommit.addAll(other.afterCommit);
        onFailure.addAll(other.onFailure);
        positionAccounts.addAll(other.positionAccounts);
    }

    boolean needsJournal() {
        return !events.isEmpty() || !positions.isEmpty();
    }

    JournalBatch batch() {
        return new JournalBatch(events, List.copyOf(orders.values()), List.copyOf(positions.values()));
    }

    List<OmsEvent> published() {
        return List.copyOf(published);
    }

    List<Runnable> afterCommitActions() {
        return List.copyOf(afterCommit);
    }

    List<Consumer<String>> failureActions() {
        return List.copyOf(onFailure);
    }

    Set<AccountId> positionAccounts() {
        return Set.copyOf(positionAccounts);
    }
}
