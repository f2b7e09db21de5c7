package io.openoms.application.ratelimit;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RateLimitGuard} over the budgets of {@link RateLimitConfig}: per broker and endpoint
 * family, a sliding one-second window, a sliding one-minute window and a per-trading-day count
 * that resets at midnight in the broker's zone. A permit is granted when every window of the
 * family has room, no 429 backoff is in force and no request of higher or equal priority that
 * came earlier is still waiting.
 *
 * <p>A request is refused as soon as it is clear it cannot be served within its maximum wait
 * (only time frees a window, so that is known in advance), or when the wait runs out while it
 * queues behind others. The reason names the broker, the family and the window, e.g. {@code
 * zerodha ORDERS: 10/s limit, waited 2s (max wait 2s, next permit in 300ms)}.
 *
 * <p>Seconds and minutes are measured on an injected monotonic ticker in nanoseconds; the trading
 * day on the injected clock. Each family's budget has its own monitor, so families and brokers
 * never wait on each other. Thread safety: safe from any thread.
 */
public final class SlidingWindowRateLimitGuard implements RateLimitGuard {
    private static final Logger log = LoggerFactory.getLogger(SlidingWindowRateLimitGuard.class);

    private final RateLimitConfig config;
    private final Map<String, Map<EndpointFamily, FamilyBudget>> budgets;

    @Inject
    public SlidingWindowRateLimitGuard(RateLimitConfig config, Clock clock) {
        this(config, clock, System::nanoTime, Sleeper.monitorWait());
    }

    public SlidingWindowRateLimitGuard(RateLimitConfig config, Clock clock, LongSupplier ticker, Sleeper sleeper) {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(ticker, "ticker is null");
        requireNonNull(sleeper, "sleeper is null");
        Map<String, Map<EndpointFamily, FamilyBudget>> byBroker = new LinkedHashMap<>();
        config.brokers().forEach((broker, limits) -> {
            Map<EndpointFamily, FamilyBudget> own = new EnumMap<>(EndpointFamily.class);
            for (EndpointFamily family : EndpointFamily.values()) {
                if (limits.budgetOf(family) == family) {
                    own.put(
                            family,
                            new FamilyBudget(
                                    broker,
                                    family,
                                    limits.limits(family),
                                    limits.tradingDayZone(),
                                    clock,
                                    ticker,
                                    sleeper));
                }
            }
            Map<EndpointFamily, FamilyBudget> all = new EnumMap<>(EndpointFamily.class);
            for (EndpointFamily family : EndpointFamily.values()) {
                all.put(family, own.get(limits.budgetOf(family)));
            }
            byBroker.put(broker, Map.copyOf(all));
        });
        this.budgets = Map.copyOf(byBroker);
    }

    public RateLimitConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the broker has no configured limits (a wiring bug), or
     *     {@code maxWait} is negative
     */
    @Override
    public RateLimitDecision acquire(String broker, EndpointFamily family, RequestPriority priority, Duration maxWait)
            throws InterruptedException {
        requireNonNull(family, "family is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(maxWait, "maxWait is null");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait is negative: " + maxWait);
        }
        RateLimitDecision decision = budget(broker, family).acquire(family, priority, saturatedNanos(maxWait));
        if (decision instanceof RateLimitDecision.Refused refused) {
            log.warn("Rate limit refused a {} request: {}", priority, refused.reason());
        }
        return decision;
    }

    @Override
    public void penalize(String broker, EndpointFamily family, Duration backoff) {
        requireNonNull(family, "family is null");
        requireNonNull(backoff, "backoff is null");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff is negative: " + backoff);
        }
        log.warn("Broker {} refused {} requests for rate; holding them back for {}", broker, family, backoff);
        budget(broker, family).penalize(saturatedNanos(backoff));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A family that shares another family's budget reports that budget's numbers.
     */
    @Override
    public Map<String, Map<EndpointFamily, RateLimitUsage>> usage() {
        Map<String, Map<EndpointFamily, RateLimitUsage>> usage = new LinkedHashMap<>();
        budgets.forEach((broker, families) -> {
            Map<EndpointFamily, RateLimitUsage> perFamily = new EnumMap<>(EndpointFamily.class);
            families.forEach((family, budget) -> perFamily.put(family, budget.usage()));
            usage.put(broker, Collections.unmodifiableMap(perFamily));
        });
        return Collections.unmodifiableMap(usage);
    }

    private FamilyBudget budget(String broker, EndpointFamily family) {
        requireNonNull(broker, "broker is null");
        Map<EndpointFamily, FamilyBudget> families = budgets.get(broker);
        if (families == null) {
            throw new IllegalArgumentException(
                    "No rate limits configured for broker '" + broker + "'; configured: " + budgets.keySet());
        }
        return families.get(family);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
