package io.openoms.domain.instrument;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
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

    /** Parses {@code EXCHANGE:SYMBOL}; the message of the exception says what was wrong. */
    public static InstrumentId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("instrument is missing (expected EXCHANGE:SYMBOL, e.g. NSE:INFY)");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon != text.lastIndexOf(':') || colon == text.length() - 1) {
            throw new IllegalArgumentException(
                    "instrument must be EXCHANGE:SYMBOL (e.g. NSE:INFY), got '" + text + "'");
        }
        return new InstrumentId(text.substring(0, colon), text.substring(colon + 1));
    }

    public static InstrumentId of(String exchange, String symbol) {
        return new InstrumentId(exchange, symbol);
    }

    @Override
    public String toString() {
        return exchange + ":" + symbol;
    }
}
