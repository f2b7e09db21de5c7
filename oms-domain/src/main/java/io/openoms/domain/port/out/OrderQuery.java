package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.StrategyId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A filter over orders: every present criterion must match; {@code statuses} empty means any.
 * {@code from} is inclusive and {@code to} exclusive on the creation time. {@code after} is the
 * opaque cursor of the previous page's {@link OrderPage#next()}; {@code limit} is 1–1000.
 */
public record OrderQuery(
        Set<OrderStatus> statuses,
        Optional<InstrumentId> instrument,
        Optional<StrategyId> strategy,
        Optional<AccountId> account,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> after,
        int limit) {
    public static final int MAX_LIMIT = 1000;

    public OrderQuery {
        statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
        requireNonNull(instrument, "instrument is null");
        requireNonNull(strategy, "strategy is null");
        requireNonNull(account, "account is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(after, "after is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " must be before to " + to.get());
        }
    }

    /** Every order, {@code limit} at a time. */
    public static OrderQuery all(int limit) {
        return new OrderQuery(
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                limit);
    }
}
