package io.openoms.domain.basket;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Identifiers;
import io.openoms.domain.value.StrategyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders grouped for one purpose (a pair trade, a multi-leg option position) that answer
 * together: sent together, cancelled together, and measured together by {@link BasketFigures}.
 * Immutable; every change returns a new basket.
 *
 * <p>A leg is found by its key or, when no key was given, by its index in the basket ({@code "0"},
 * {@code "1"}, …), which becomes its key. Legs can be added before or after the basket is sent.
 * An all-or-none basket sends no leg unless every leg passes the pre-trade checks; the engine
 * enforces that when it executes the basket.
 */
public final class Basket {
    private final BasketId id;
    private final Optional<String> key;
    private final AccountId account;
    private final StrategyId strategy;
    private final boolean allOrNone;
    private final List<BasketLeg> legs;
    private final Instant createdAt;

    private Basket(
            BasketId id,
            Optional<String> key,
            AccountId account,
            StrategyId strategy,
            boolean allOrNone,
            List<BasketLeg> legs,
            Instant createdAt) {
        this.id = requireNonNull(id, "id is null");
        this.key = requireNonNull(key, "key is null");
        this.account = requireNonNull(account, "account is null");
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.allOrNone = allOrNone;
        this.legs = List.copyOf(legs);
        this.createdAt = requireNonNull(createdAt, "createdAt is null");
    }

    /** An empty basket; add legs with {@link #add}. */
    public static Basket create(
            BasketId id,
            Optional<String> key,
            AccountId account,
            StrategyId strategy,
            boolean allOrNone,
            Instant createdAt) {
        key.ifPresent(k -> Identifiers.require(k, "basket key"));
        return new Basket(id, key, account, strategy, allOrNone, List.of(), createdAt);
    }

    /**
     * This basket with one more leg. The request must be for the basket's account and strategy;
     * a key, when given, must be unique in the basket, and without one the leg's index is its key.
     */
    public Basket add(Optional<String> legKey, OrderRequest request) {
        requireNonNull(request, "request is null");
        if (!request.account().equals(account)) {
            throw new IllegalArgumentException(
                    "a leg of basket " + id + " must be for account " + account + ", got " + request.account());
        }
        if (!request.strategy().equals(strategy)) {
            throw new IllegalArgumentException(
                    "a leg of basket " + id + " must be for strategy " + strategy + ", got " + request.strategy());
        }
        String chosen = legKey.map(k -> Identifiers.require(k, "leg key")).orElse(Integer.toString(legs.size()));
        if (leg(chosen).isPresent()) {
            throw new IllegalArgumentException("basket " + id + " already has a leg with key " + chosen);
        }
        List<BasketLeg> more = new ArrayList<>(legs);
        more.add(new BasketLeg(chosen, request, Optional.empty()));
        return new Basket(id, key, account, strategy, allOrNone, more, createdAt);
    }

    /** This basket with leg {@code legKey} sent as order {@code orderId}. */
    public Basket sent(String legKey, ClientOrderId orderId) {
        BasketLeg leg =
                leg(legKey).orElseThrow(() -> new IllegalArgumentException("basket " + id + " has no leg " + legKey));
        List<BasketLeg> changed = new ArrayList<>(legs);
        changed.set(changed.indexOf(leg), leg.sentAs(orderId));
        return new Basket(id, key, account, strategy, allOrNone, changed, createdAt);
    }

    /** The same legs, unsent, under a new id: to run the same trade again. */
    public Basket cloneAs(BasketId cloneId, Instant now) {
        List<BasketLeg> unsent = legs.stream()
                .map(leg -> new BasketLeg(leg.key(), leg.request(), Optional.empty()))
                .toList();
        return new Basket(cloneId, key, account, strategy, allOrNone, unsent, now);
    }

    /** The leg with this key (an index when the leg was added without one). */
    public Optional<BasketLeg> leg(String legKey) {
        return legs.stream().filter(leg -> leg.key().equals(legKey)).findFirst();
    }

    /** The legs not sent yet, in the order they were added. */
    public List<BasketLeg> unsentLegs() {
        return legs.stream().filter(leg -> !leg.isSent()).toList();
    }

    /** The ids of the orders sent for this basket, in leg order. */
    public List<ClientOrderId> orderIds() {
        return legs.stream().flatMap(leg -> leg.orderId().stream()).toList();
    }

    public BasketId id() {
        return id;
    }

    public Optional<String> key() {
        return key;
    }

    public AccountId account() {
        return account;
    }

    public StrategyId strategy() {
        return strategy;
    }

    public boolean allOrNone() {
        return allOrNone;
    }

    public List<BasketLeg> legs() {
        return legs;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Basket{" + id + key.map(k -> " " + k).orElse("") + ", " + legs.size() + " legs, sent "
                + orderIds().size() + "}";
    }
}
