package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RequestPriority;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * Last traded prices and the day's circuit limits from {@code GET /quote} (the full quote: the
 * LTP endpoint has no circuit limits, which the {@code CIRCUIT_LIMIT} check needs).
 * {@link #lastPrice} and {@link #circuitLimits} answer from memory and never touch the network;
 * {@link #refresh} (called by a schedule in the app) fetches up to 500 instruments per call, each call taking a permit of Kite's quotes budget (1/s) from the guard
 * and skipping the refresh when none is free within {@code quotesMaxWait}. Instruments Kite does
 * not know are silently absent from its answer and keep no price.
 *
 * <p>Thread safety: safe from any thread.
 */
public final class KiteMarketData implements MarketData {
    static final int MAX_INSTRUMENTS_PER_CALL = 500;

    private final KiteConfig config;
    private final KiteHttp http;
    private final RateLimitGuard rateLimits;
    private final Clock clock;
    private final Map<InstrumentId, PriceAt> prices = new ConcurrentHashMap<>();
    private final Map<InstrumentId, CircuitLimits> circuits = new ConcurrentHashMap<>();

    public KiteMarketData(
            KiteConfig config, KiteSession session, RateLimitGuard rateLimits, OkHttpClient http, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.http = new KiteHttp(config, session, requireNonNull(http, "http is null"), Optional.of(rateLimits));
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        PriceAt price = prices.get(requireNonNull(instrument, "instrument is null"));
        return price == null ? Optional.empty() : Optional.of(price.price());
    }

    @Override
    public Optional<CircuitLimits> circuitLimits(InstrumentId instrument) {
        return Optional.ofNullable(circuits.get(requireNonNull(instrument, "instrument is null")));
    }

    /** When {@code instrument}'s price was last refreshed, for staleness checks. */
    public Optional<Instant> lastUpdate(InstrumentId instrument) {
        PriceAt price = prices.get(requireNonNull(instrument, "instrument is null"));
        return price == null ? Optional.empty() : Optional.of(price.at());
    }

    /**
     * Fetches the last prices of {@code instruments}; the number of prices updated, or why the
     * refresh stopped (no permit: {@code RateLimited}; Kite's refusal or silence as usual).
     */
    public BrokerResult<Integer> refresh(Collection<InstrumentId> instruments) {
        requireNonNull(instruments, "instruments is null");
        List<InstrumentId> all = List.copyOf(instruments);
        int updated = 0;
        for (int from = 0; from < all.size(); from += MAX_INSTRUMENTS_PER_CALL) {
            List<InstrumentId> chunk = all.subList(from, Math.min(all.size(), from + MAX_INSTRUMENTS_PER_CALL));
            RateLimitDecision decision;
            try {
                decision = rateLimits.acquire(
                        KiteHttp.BROKER, EndpointFamily.QUOTES, RequestPriority.NORMAL, config.quotesMaxWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return BrokerResult.outcomeUnknown("interrupted while waiting for a quotes permit");
            }
            if (decision instanceof RateLimitDecision.Refused refused) {
                return BrokerResult.rateLimited(Optional.empty(), "no quotes permit: " + refused.reason());
            }
            List<Map.Entry<String, String>> query = new ArrayList<>();
            chunk.forEach(instrument -> query.add(new AbstractMap.SimpleImmutableEntry<>("i", instrument.toString())));
            BrokerResult<JsonNode> reply = http.get("quote", query, EndpointFamily.QUOTES);
            if (!(reply instanceof BrokerResult.Success<JsonNode> success)) {
                return KiteResults.failure(reply);
            }
            BrokerResult<Integer> stored =
                    KiteResults.map(BrokerResult.success(success.value()), data -> store(chunk, data));
            if (!(stored instanceof BrokerResult.Success<Integer> count)) {
                return stored;
            }
            updated += count.value();
        }
        return BrokerResult.success(updated);
    }

    private int store(List<InstrumentId> chunk, JsonNode data) throws KitePayloadException {
        if (!data.isObject()) {
            throw new KitePayloadException("the LTP answer is not an object");
        }
        Instant now = clock.instant();
        int updated = 0;
        for (InstrumentId instrument : chunk) {
            JsonNode quote = data.get(instrument.toString());
            if (quote == null || !quote.isObject()) {
                continue;
            }
            Optional<BigDecimal> last = KiteJson.decimal(quote, "last_price");
            if (last.isPresent() && last.get().signum() > 0) {
                prices.put(instrument, new PriceAt(Price.of(last.get()), now));
                updated++;
            }
            circuit(quote).ifPresentOrElse(band -> circuits.put(instrument, band), () -> circuits.remove(instrument));
        }
        return updated;
    }

    /** Both limits, positive and in order; a quote without them (an index) leaves the check to the exchange. */
    private static Optional<CircuitLimits> circuit(JsonNode quote) throws KitePayloadException {
        Optional<BigDecimal> lower = KiteJson.decimal(quote, "lower_circuit_limit");
        Optional<BigDecimal> upper = KiteJson.decimal(quote, "upper_circuit_limit");
        if (lower.isEmpty()
                || upper.isEmpty()
                || lower.get().signum() <= 0
                || upper.get().signum() <= 0) {
            return Optional.empty();
        }
        if (lower.get().compareTo(upper.get()) > 0) {
            throw new KitePayloadException("lower_circuit_limit " + lower.get().toPlainString()
                    + " is above upper_circuit_limit " + upper.get().toPlainString());
        }
        return Optional.of(new CircuitLimits(Price.of(lower.get()), Price.of(upper.get())));
    }

    private record PriceAt(Price price, Instant at) {}
}
