package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.ApiRateLimitConfig;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request rate limit per API key ({@code security.rate-limit.*}): each key has a request budget
 * that every counted request takes from, and an order budget that order entry also takes from. A
 * request is admitted only when every budget it needs has room, and then takes from all of them; a
 * refused request takes nothing, so a client that backs off for {@code Retry-After} is served.
 *
 * <p>Time is a monotonic nanosecond ticker ({@link System#nanoTime()} in production), so a wall-clock
 * step never refills or drains a budget. Keys are told apart by their name; the map holds one entry per
 * key that made a request, which the key file bounds. Thread safety: safe from any thread.
 */
public final class ApiRequestLimits {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRequestLimits.class);
    private static final String REQUESTS = "requests";
    private static final String ORDERS = "orders";

    private final ApiRateLimitConfig config;
    private final LongSupplier ticker;
    private final Map<String, KeyBudgets> budgets = new ConcurrentHashMap<>();

    public ApiRequestLimits(ApiRateLimitConfig config, LongSupplier ticker) {
        this.config = requireNonNull(config, "config is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
    }

    /** What a request counts against. */
    enum RequestKind {
        /** Counts against the request budget. */
        REQUEST,
        /** Creates or changes an order: counts against the request and the order budget. */
        ORDER_ENTRY
    }

    /**
     * Admits a request of the API key named {@code keyName} (its name, never its value), taking from its
     * budgets.
     *
     * @throws ApiException 429 {@code TOO_MANY_REQUESTS} with {@code details.retryAfterSeconds} when a
     *     budget it needs is empty
     */
    void admit(String keyName, RequestKind kind) {
        requireNonNull(keyName, "keyName is null");
        requireNonNull(kind, "kind is null");
        if (!config.enabled()) {
            return;
        }
        long now = ticker.getAsLong();
        KeyBudgets own = budgets.computeIfAbsent(keyName, name -> new KeyBudgets(now));
        Refusal refusal = own.admit(kind, now);
        if (refusal != null) {
            if (refusal.firstOfEpisode()) {
                LOG.warn(
                        "API key '{}' is over its {} budget ({} per second, bursts of {}); refusing with 429 until"
                                + " it slows down (logged again only after its budgets refill)",
                        keyName,
                        refusal.budget(),
                        refusal.rate().toPlainString(),
                        refusal.burst());
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("retryAfterSeconds", refusal.retryAfterSeconds());
            details.put("budget", refusal.budget());
            details.put("requestsPerSecond", ApiJson.decimal(refusal.rate()));
            details.put("burst", refusal.burst());
            throw new ApiException(
                    429,
                    "TOO_MANY_REQUESTS",
                    "the API key '" + keyName + "' sent more "
                            + (refusal.budget().equals(ORDERS) ? "order-entry requests" : "requests")
                            + " than its limit of "
                            + refusal.rate().toPlainString() + " per second (bursts of " + refusal.burst()
                            + "); retry after " + refusal.retryAfterSeconds() + " s",
                    details);
        }
    }

    private record Refusal(String budget, BigDecimal rate, int burst, long retryAfterSeconds, boolean firstOfEpisode) {}

    /** One key's budgets, under its own monitor so keys never wait on each other. */
    private final class KeyBudgets {
        private final TokenBucket requests;
        private final TokenBucket orders;
        private boolean warned;

        KeyBudgets(long now) {
            requests = new TokenBucket(
                    config.burst(), ApiRateLimitConfig.milliRequestsPerSecond(config.requestsPerSecond()), now);
            orders = new TokenBucket(
                    config.orderBurst(),
                    ApiRateLimitConfig.milliRequestsPerSecond(config.orderRequestsPerSecond()),
                    now);
        }

        /** Null when admitted; else why not and for how long. */
        synchronized Refusal admit(RequestKind kind, long now) {
            requests.refill(now);
            orders.refill(now);
            if (requests.full() && orders.full()) {
                warned = false;
            }
            boolean ordersToo = kind == RequestKind.ORDER_ENTRY;
            if (requests.hasRoom() && (!ordersToo || orders.hasRoom())) {
                requests.take();
                if (ordersToo) {
                    orders.take();
                }
                return null;
            }
            boolean firstOfEpisode = !warned;
            warned = true;
            // Both must have room: the wait is the longer one, and it names that budget.
            if (ordersToo && orders.nanosUntilRoom() >= requests.nanosUntilRoom()) {
                return new Refusal(
                        ORDERS,
                        config.orderRequestsPerSecond(),
                        config.orderBurst(),
                        Math.max(1, orders.secondsUntilRoom()),
                        firstOfEpisode);
            }
            return new Refusal(
                    REQUESTS,
                    config.requestsPerSecond(),
                    config.burst(),
                    Math.max(1, requests.secondsUntilRoom()),
                    firstOfEpisode);
        }
    }
}
