package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Running totals over the open orders, kept by {@link OrderManager} as each order changes, so that
 * the pre-trade checks read them at a cost that does not grow with the number of open orders:
 * counts per account, remaining quantity per account, instrument, product and side, notional per
 * account and side, and the orders whose submit's outcome is unknown per account and instrument.
 *
 * <p>An order's notional is its remaining quantity at its limit price, else at the instrument's
 * last price, else at its trigger price: the rule of {@code OrderValuation.workingNotional}, which a
 * modification's checks use to take the order's own part out of these totals (so they must agree;
 * the property test holds them to it). Limit-priced orders are summed as they change; the others
 * are summed per instrument and priced when asked, since last prices move without the orders
 * changing. Sums are exact ({@link BigDecimal}, never normalized until read).
 *
 * <p>Not thread-safe: owned by the {@link OrderManager}'s thread.
 */
public final class OpenOrderTotals {
    private record Bucket(AccountId account, InstrumentId instrument, Product product, Side side) {}

    private record AccountSide(AccountId account, Side side) {}

    private record AccountInstrument(AccountId account, InstrumentId instrument) {}

    /** Orders without a limit price: remaining quantity, and its notional at the trigger price where known. */
    private static final class Unpriced {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal atTrigger = BigDecimal.ZERO;
        int orders;
    }

    private final Map<AccountId, Integer> counts = new HashMap<>();
    private final Map<Bucket, BigDecimal> remaining = new HashMap<>();
    private final Map<AccountSide, BigDecimal> limitNotional = new HashMap<>();
    private final Map<AccountSide, Map<InstrumentId, Unpriced>> unpriced = new HashMap<>();
    private final Map<AccountInstrument, Set<ClientOrderId>> unknownSubmits = new HashMap<>();

    OpenOrderTotals() {}

    /** Replaces {@code before}'s part in the totals (none when null or not open) by {@code after}'s. */
    void replace(Order before, Order after) {
        if (before != null && before.isOpen()) {
            add(before, -1);
        }
        if (after != null && after.isOpen()) {
            add(after, +1);
        }
    }

    private void add(Order order, int sign) {
        AccountId account = order.account();
        BigDecimal quantity = order.remainingQuantity().value();
        BigDecimal signed = sign > 0 ? quantity : quantity.negate();
        counts.merge(account, sign, (a, b) -> a + b == 0 ? null : a + b);
        merge(remaining, new Bucket(account, order.instrument(), order.product(), order.side()), signed);
        AccountSide accountSide = new AccountSide(account, order.side());
        Optional<Price> limit = order.limitPrice();
        if (limit.isPresent()) {
            merge(limitNotional, accountSide, signedNotional(quantity, limit.get(), sign));
        } else {
            Map<InstrumentId, Unpriced> byInstrument = unpriced.computeIfAbsent(accountSide, k -> new HashMap<>());
            Unpriced sums = byInstrument.computeIfAbsent(order.instrument(), k -> new Unpriced());
            sums.quantity = sums.quantity.add(signed);
            order.triggerPrice()
                    .ifPresent(trigger -> sums.atTrigger = sums.atTrigger.add(signedNotional(quantity, trigger, sign)));
            sums.orders += sign;
            if (sums.orders == 0) {
                byInstrument.remove(order.instrument());
                if (byInstrument.isEmpty()) {
                    unpriced.remove(accountSide);
                }
            }
        }
        if (order.outcomeUnknown()
                .filter(u -> u.operation() == UnknownOperation.SUBMIT)
                .isPresent()) {
            AccountInstrument key = new AccountInstrument(account, order.instrument());
            if (sign > 0) {
                unknownSubmits.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(order.id());
            } else {
                Set<ClientOrderId> ids = unknownSubmits.get(key);
                if (ids != null && ids.remove(order.id()) && ids.isEmpty()) {
                    unknownSubmits.remove(key);
                }
            }
        }
    }

    private static BigDecimal signedNotional(BigDecimal quantity, Price price, int sign) {
        BigDecimal notional = quantity.multiply(price.value()).abs();
        return sign > 0 ? notional : notional.negate();
    }

    private static <K> void merge(Map<K, BigDecimal> sums, K key, BigDecimal delta) {
        sums.merge(key, delta, (a, b) -> {
            BigDecimal sum = a.add(b);
            return sum.signum() == 0 ? null : sum;
        });
    }

    /** Open orders of the account. */
    public int count(AccountId account) {
        return counts.getOrDefault(requireNonNull(account, "account is null"), 0);
    }

    /** The remaining quantity of the account's open orders in the instrument, product and side. */
    public BigDecimal remainingQuantity(AccountId account, InstrumentId instrument, Product product, Side side) {
        return remaining.getOrDefault(new Bucket(account, instrument, product, side), BigDecimal.ZERO);
    }

    /**
     * The notional of the account's open orders on one side: each order's remaining quantity at its
     * limit price, else at {@code lastPrice} of its instrument, else at its trigger price (an order
     * with none of them counts nothing). Costs the instruments of its orders without a limit price.
     */
    public Money notional(AccountId account, Side side, Function<InstrumentId, Optional<Price>> lastPrice) {
        AccountSide key = new AccountSide(account, side);
        BigDecimal total = limitNotional.getOrDefault(key, BigDecimal.ZERO);
        Map<InstrumentId, Unpriced> byInstrument = unpriced.get(key);
        if (byInstrument != null) {
            for (Map.Entry<InstrumentId, Unpriced> entry : byInstrument.entrySet()) {
                Unpriced sums = entry.getValue();
                Optional<Price> last = lastPrice.apply(entry.getKey());
                total = total.add(
                        last.isPresent()
                                ? sums.quantity.multiply(last.get().value()).abs()
                                : sums.atTrigger);
            }
        }
        return Money.of(total);
    }

    /** The first open order of the account in the instrument whose submit's outcome is unknown. */
    Optional<ClientOrderId> unknownSubmit(AccountId account, InstrumentId instrument) {
        Set<ClientOrderId> ids = unknownSubmits.get(new AccountInstrument(account, instrument));
        return ids == null ? Optional.empty() : Optional.of(ids.iterator().next());
    }
}
