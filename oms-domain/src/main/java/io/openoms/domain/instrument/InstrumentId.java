package io.openoms.domain.instrument;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** An instrument as {@code EXCHANGE:SYMBOL}, e.g. {@code NSE:RELIANCE} or {@code NFO:NIFTY25NOVFUT}. */
public record InstrumentId(String exchange, String symbol) {
    private static final Pattern EXCHANGE = Pattern.compile("[A-Z0-9_]{1,16}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9_&.\\-]{1,64}");

    public InstrumentId {
        requireNonNull(exchange, "exchange is null");
        requireNonNull(symbol, "symbol is null");
        exchange = exchange.toUpperCase(Locale.ROOT);
        if (!EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException(
                    "instrument exchange must be 1-16 letters, digits or _, got '" + exchange + "'");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "instrument symbol must be 1-64 letters, digits or _ & . -, got '" + symbol + "'");
        }
    }

    /**
     * Canonical ids by their text, filled by {@link #parse} and {@link #of}: the ids that enter at the
     * edges (requests, broker payloads, configuration) are then mostly the same instance, so the
     * engine's many map lookups and comparisons by instrument stop at the identity check, and parsing
     * a known id skips the validation. Bounded by the instrument universe; past {@link #CANONICAL_LIMIT}
     * new ids are simply not cached.
     */
    private static final Map<String, InstrumentId> CANONICAL = new ConcurrentHashMap<>();

    private static final int CANONICAL_LIMIT = 200_000;

    /** Parses {@code EXCHANGE:SYMBOL}; the message of the exception says what was wrong. */
    public static InstrumentId parse(String text) {
        InstrumentId known = text == null ? null : CANONICAL.get(text);
        if (known != null) {
            return known;
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("instrument is missing (expected EXCHANGE:SYMBOL, e.g. NSE:INFY)");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon != text.lastIndexOf(':') || colon == text.length() - 1) {
            throw new IllegalArgumentException(
                    "instrument must be EXCHANGE:SYMBOL (e.g. NSE:INFY), got '" + text + "'");
        }
        return canonical(new InstrumentId(text.substring(0, colon), text.substring(colon + 1)));
    }

    public static InstrumentId of(String exchange, String symbol) {
        return canonical(new InstrumentId(exchange, symbol));
    }

    private static InstrumentId canonical(InstrumentId id) {
        if (CANONICAL.size() >= CANONICAL_LIMIT) {
            return id;
        }
        InstrumentId existing = CANONICAL.putIfAbsent(id.toString(), id);
        return existing != null ? existing : id;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof InstrumentId that && exchange.equals(that.exchange) && symbol.equals(that.symbol));
    }

    @Override
    public int hashCode() {
        return 31 * exchange.hashCode() + symbol.hashCode();
    }

    @Override
    public String toString() {
        return exchange + ":" + symbol;
    }
}
