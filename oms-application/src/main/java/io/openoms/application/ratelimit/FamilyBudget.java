package io.openoms.application.ratelimit;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.FamilyLimits;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitDecision.Granted;
import io.openoms.domain.port.out.RateLimitDecision.Refused;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The permits of one broker's endpoint family (or of several families sharing one budget), with
 * the requests waiting for them. The object is its own monitor: every method is synchronized and
 * waiting requests wait on it.
 *
 * <p>Waiting requests queue by priority, then by arrival. Only the head of the queue may take a
 * permit, so a lower-priority request never overtakes a higher-priority one, and equal priorities
 * are served first come, first served.
 */
final class FamilyBudget {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final Comparator<Waiter> SERVICE_ORDER =
            Comparator.comparing(Waiter::priority).thenComparingLong(Waiter::arrival);

    private final String broker;
    private final EndpointFamily family;
    private final FamilyLimits limits;
    private final ZoneId tradingDayZone;
    private final Clock clock;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private final SlidingWindow second;
    private final SlidingWindow minute;
    private final TreeSet<Waiter> waiting = new TreeSet<>(SERVICE_ORDER);
    private long arrivals;
    private LocalDate day;
    private int usedToday;
    private long penaltyEnd;
    private boolean penalized;

    FamilyBudget(
            String broker,
            EndpointFamily family,
            FamilyLimits limits,
            ZoneId tradingDayZone,
            Clock clock,
            LongSupplier ticker,
            Sleeper sleeper) {
        this.broker = requireNonNull(broker, "broker is null");
        this.family = requireNonNull(family, "family is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.tradingDayZone = requireNonNull(tradingDayZone, "tradingDayZone is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        long now = ticker.getAsLong();
        this.second = new SlidingWindow(SECOND, limits.perSecond(), now);
        this.minute = new SlidingWindow(MINUTE, limits.perMinute(), now);
        this.day = today();
    }

    synchronized RateLimitDecision acquire(EndpointFamily requested, RequestPriority priority, long maxWaitNanos)
            throws InterruptedException {
        long start = ticker.getAsLong();
        Waiter me = new Waiter(priority, arrivals++);
        waiting.add(me);
        try {
            while (true) {
                long now = ticker.getAsLong();
                long waited = now - start;
                long remaining = maxWaitNanos - waited;
                Blocker blocker = blocker(now);
                if (waiting.first().equals(me)) {
                    if (blocker == null) {
                        grant(now);
                        return new Granted(Duration.ofNanos(waited));
                    }
                    // Nothing but time frees a window, so a request that cannot be served before
                    // its deadline is refused now rather than after holding its thread for nothing.
                    if (blocker.roomInNanos() > remaining) {
                        return refused(requested, blocker.what(), waited, maxWaitNanos, blocker.roomInNanos());
                    }
                    sleeper.await(this, blocker.roomInNanos());
                } else {
                    if (remaining <= 0) {
                        int ahead = waiting.headSet(me).size();
                        String what = (blocker == null ? "" : blocker.what() + ", ") + "behind " + ahead
                                + " request(s) of higher or equal priority";
                        return refused(
                                requested, what, waited, maxWaitNanos, blocker == null ? 0 : blocker.roomInNanos());
                    }
                    sleeper.await(this, remaining);
                }
            }
        } finally {
            waiting.remove(me);
            notifyAll();
        }
    }

    synchronized void penalize(long backoffNanos) {
        long end = ticker.getAsLong() + backoffNanos;
        if (!penalized || end - penaltyEnd > 0) {
            penaltyEnd = end;
            penalized = true;
        }
        notifyAll();
    }

    synchronized RateLimitUsage usage() {
        long now = ticker.getAsLong();
        rollDay();
        return new RateLimitUsage(
                second.used(now),
                second.limit(),
                minute.used(now),
                minute.limit(),
                usedToday,
                limits.perDay(),
                waiting.size());
    }

    private void grant(long now) {
        second.record(now);
        minute.record(now);
        usedToday++;
    }

    /** What keeps a request from going now, the window that frees last; null when one may go. */
    private Blocker blocker(long now) {
        Blocker blocker = null;
        if (penalized) {
            long left = penaltyEnd - now;
            if (left > 0) {
                blocker = new Blocker("HTTP 429 backoff", left);
            } else {
                penalized = false;
            }
        }
        blocker = later(blocker, limits.perSecond() + "/s limit", second.roomInNanos(now));
        blocker = later(blocker, limits.perMinute() + "/min limit", minute.roomInNanos(now));
        rollDay();
        if (limits.perDay() > 0 && usedToday >= limits.perDay()) {
            Instant wallNow = clock.instant();
            Instant nextDay = day.plusDays(1).atStartOfDay(tradingDayZone).toInstant();
            long left = Math.max(1, Duration.between(wallNow, nextDay).toNanos());
            blocker = later(blocker, limits.perDay() + "/day limit", left);
        }
        return blocker;
    }

    private static Blocker later(Blocker current, String what, long roomInNanos) {
        if (roomInNanos <= 0 || (current != null && current.roomInNanos() >= roomInNanos)) {
            return current;
        }
        return new Blocker(what, roomInNanos);
    }

    private void rollDay() {
        LocalDate today = today();
        if (today.isAfter(day)) {
            day = today;
            usedToday = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), tradingDayZone);
    }

    private Refused refused(EndpointFamily requested, String what, long waited, long maxWait, long roomIn) {
        String budget = requested == family ? family.name() : requested + " (" + family + " budget)";
        return new Refused(String.format(
                Locale.ROOT,
                "%s %s: %s, waited %s (max wait %s, next permit in %s)",
                broker,
                budget,
                what,
                format(waited),
                format(maxWait),
                format(roomIn)));
    }

    static String format(long nanos) {
        Duration duration = Duration.ofNanos(Math.max(0, nanos));
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            long millis = duration.toMillis();
            return millis % 1000 == 0
                    ? millis / 1000 + "s"
                    : String.format(Locale.ROOT, "%d.%03ds", millis / 1000, millis % 1000);
        }
        return duration.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private record Waiter(RequestPriority priority, long arrival) {}

    private record Blocker(String what, long roomInNanos) {}
}
