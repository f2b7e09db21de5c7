package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The last price of one instrument: a random walk on its tick grid (each step moves a whole number
 * of ticks in [-volatility, +volatility], never below one tick), or a scripted path that takes
 * precedence while it lasts. Each instrument has its own random, seeded from the venue seed and the
 * instrument id, so listing another instrument never changes this one's path. Not thread-safe.
 */
final class PriceProcess {
    private final Instrument instrument;
    private final SplittableRandom random;
    private final Deque<Price> script = new ArrayDeque<>();
    private Price last;

    PriceProcess(Instrument instrument, Price initial, long seed) {
        this.instrument = requireNonNull(instrument, "instrument is null");
        this.random = new SplittableRandom(
                seed * 1_000_003L + instrument.id().toString().hashCode());
        this.last = snap(requireNonNull(initial, "initial is null"));
    }

    Instrument instrument() {
        return instrument;
    }

    BigDecimal tick() {
        return instrument.tickSize();
    }

    Price last() {
        return last;
    }

    void set(Price price) {
        this.last = requireOnGrid(price);
    }

    void script(List<Price> prices) {
        prices.forEach(this::requireOnGrid);
        script.clear();
        script.addAll(prices);
    }

    /** Moves one step: the next scripted price, else a random walk step of up to {@code volatilityTicks}. */
    void step(int volatilityTicks) {
        Price next = script.poll();
        if (next != null) {
            last = next;
        } else if (volatilityTicks > 0) {
            int ticks = random.nextInt(2 * volatilityTicks + 1) - volatilityTicks;
            last = atLeastOneTick(last.value().add(tick().multiply(BigDecimal.valueOf(ticks))));
        }
    }

    /** {@code price} moved by {@code ticks} (negative: down), never below one tick. */
    Price offset(Price price, int ticks) {
        return atLeastOneTick(price.value().add(tick().multiply(BigDecimal.valueOf(ticks))));
    }

    private Price atLeastOneTick(BigDecimal value) {
        return Price.of(value.max(tick()));
    }

    private Price snap(Price price) {
        BigDecimal ticks = price.value().divide(tick(), 0, RoundingMode.HALF_UP);
        return atLeastOneTick(ticks.multiply(tick()));
    }

    private Price requireOnGrid(Price price) {
        requireNonNull(price, "price is null");
        if (!price.isPositive() || !price.isOnTickGrid(tick())) {
            throw new IllegalArgumentException("price " + price + " of " + instrument.id()
                    + " must be positive and on the tick grid " + tick().toPlainString());
        }
        return price;
    }
}
