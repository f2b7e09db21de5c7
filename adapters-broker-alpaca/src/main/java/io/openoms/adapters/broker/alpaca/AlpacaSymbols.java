package io.openoms.adapters.broker.alpaca;

import io.openoms.domain.instrument.InstrumentId;
import java.util.List;
import java.util.Locale;

/**
 * How Alpaca symbols are written in OpenOMS. An instrument id is {@code EXCHANGE:SYMBOL} and a
 * symbol may not hold a '/', so: a US stock or ETF is {@code US:<symbol>} ({@code US:AAPL},
 * the exchange code is configurable, {@code AlpacaConfig#equityExchange}),
 * {@code US:BRK.B}); a crypto pair is {@code CRYPTO:<base>-<quote>} ({@code CRYPTO:BTC-USD} for
 * Alpaca's {@code BTC/USD}). Alpaca's older slash-less crypto symbols ({@code BTCUSD}) are read too.
 */
final class AlpacaSymbols {
    private final String equities;

    static final String EQUITIES = "US";
    static final String CRYPTO = "CRYPTO";
    private static final List<String> CRYPTO_QUOTES = List.of("USDT", "USDC", "USD", "BTC");

    AlpacaSymbols(String equities) {
        this.equities = equities;
    }

    /** The Alpaca symbol of an OpenOMS instrument, or why it has none. */
    String alpacaSymbol(InstrumentId id) {
        if (id.exchange().equals(CRYPTO)) {
            int dash = id.symbol().indexOf('-');
            if (dash <= 0
                    || dash != id.symbol().lastIndexOf('-')
                    || dash == id.symbol().length() - 1) {
                throw new IllegalArgumentException(
                        "an Alpaca crypto pair is written CRYPTO:BASE-QUOTE (e.g. CRYPTO:BTC-USD), got " + id);
            }
            return id.symbol().substring(0, dash) + "/" + id.symbol().substring(dash + 1);
        }
        if (id.exchange().equals(equities)) {
            return id.symbol();
        }
        throw new IllegalArgumentException("Alpaca trades " + equities
                + ":<symbol> (stocks, ETFs) and CRYPTO:<base>-<quote> (crypto pairs), not " + id);
    }

    /** The OpenOMS instrument of an Alpaca symbol; {@code assetClass} may be unknown (empty text). */
    InstrumentId instrument(String symbol, String assetClass) throws AlpacaPayloadException {
        try {
            if (symbol.contains("/")) {
                int slash = symbol.indexOf('/');
                if (slash <= 0 || slash != symbol.lastIndexOf('/') || slash == symbol.length() - 1) {
                    throw new AlpacaPayloadException("symbol is not a crypto pair: " + AlpacaJson.abbreviate(symbol));
                }
                return InstrumentId.of(CRYPTO, symbol.substring(0, slash) + "-" + symbol.substring(slash + 1));
            }
            if (assetClass.toLowerCase(Locale.ROOT).equals("crypto")) {
                for (String quote : CRYPTO_QUOTES) {
                    if (symbol.endsWith(quote) && symbol.length() > quote.length()) {
                        return InstrumentId.of(
                                CRYPTO, symbol.substring(0, symbol.length() - quote.length()) + "-" + quote);
                    }
                }
                throw new AlpacaPayloadException("crypto symbol without a known quote currency: " + symbol);
            }
            return InstrumentId.of(equities, symbol);
        } catch (IllegalArgumentException e) {
            throw new AlpacaPayloadException("symbol " + AlpacaJson.abbreviate(symbol) + ": " + e.getMessage());
        }
    }

    static boolean isCrypto(InstrumentId id) {
        return id.exchange().equals(CRYPTO);
    }
}
