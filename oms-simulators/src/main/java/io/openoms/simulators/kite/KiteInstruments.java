package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's instrument master: each listed instrument gets an exchange token (1001, 1002, …
 * in listing order) and an instrument token of exchange token × 256 + the segment code (NSE 1, NFO 2,
 * CDS 3, BSE 4, BFO 5, BCD 6, MCX 7), as Kite derives them. Immutable.
 */
final class KiteInstruments {
    private static final Map<String, Integer> SEGMENT_CODES =
            Map.of("NSE", 1, "NFO", 2, "CDS", 3, "BSE", 4, "BFO", 5, "BCD", 6, "MCX", 7);

    record Listing(Instrument instrument, long exchangeToken, long instrumentToken) {}

    private final Map<InstrumentId, Listing> byId = new LinkedHashMap<>();
    private final Map<Long, Listing> byToken = new LinkedHashMap<>();

    KiteInstruments(Collection<Instrument> instruments) {
        requireNonNull(instruments, "instruments is null");
        long exchangeToken = 1000;
        for (Instrument instrument : instruments) {
            exchangeToken++;
            int segment = SEGMENT_CODES.getOrDefault(instrument.id().exchange(), 1);
            Listing listing = new Listing(instrument, exchangeToken, exchangeToken * 256 + segment);
            if (byId.putIfAbsent(instrument.id(), listing) != null) {
                throw new IllegalArgumentException(instrument.id() + " is listed twice");
            }
            byToken.put(listing.instrumentToken(), listing);
        }
    }

    Optional<Listing> find(InstrumentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Listing> find(String exchange, String tradingsymbol) {
        try {
            return find(InstrumentId.of(exchange, tradingsymbol));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An instrument named as a quote key: {@code EXCHANGE:TRADINGSYMBOL} or an instrument token. */
    Optional<Listing> findByKey(String key) {
        if (key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
            try {
                return Optional.ofNullable(byToken.get(Long.parseLong(key)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        int colon = key.indexOf(':');
        return colon <= 0 ? Optional.empty() : find(key.substring(0, colon), key.substring(colon + 1));
    }

    long token(InstrumentId id) {
        return find(id).map(Listing::instrumentToken).orElse(0L);
    }

    /** The CSV master of {@code exchange} (every exchange when empty), with the venue's last prices. */
    String csv(Optional<String> exchange, MarketData prices) {
        StringBuilder out = new StringBuilder(
                "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,"
                        + "instrument_type,segment,exchange\n");
        for (Listing listing : byId.values()) {
            InstrumentId id = listing.instrument().id();
            if (exchange.isPresent() && !exchange.get().equalsIgnoreCase(id.exchange())) {
                continue;
            }
            String type = instrumentType(id);
            out.append(listing.instrumentToken())
                    .append(',')
                    .append(listing.exchangeToken())
                    .append(',')
                    .append(id.symbol())
                    .append(',')
                    .append(type.equals("EQ") ? "\"" + id.symbol() + "\"" : "")
                    .append(',')
                    .append(prices.lastPrice(id)
                            .map(Price::value)
                            .orElse(BigDecimal.ZERO)
                            .toPlainString())
                    .append(",,0,")
                    .append(listing.instrument().tickSize().stripTrailingZeros().toPlainString())
                    .append(',')
                    .append(listing.instrument()
                            .lotSize()
                            .value()
                            .stripTrailingZeros()
                            .toPlainString())
                    .append(',')
                    .append(type)
                    .append(',')
                    .append(segment(id, type))
                    .append(',')
                    .append(id.exchange())
                    .append('\n');
        }
        return out.toString();
    }

    private static String instrumentType(InstrumentId id) {
        if (id.exchange().equals("NSE") || id.exchange().equals("BSE")) {
            return "EQ";
        }
        String symbol = id.symbol().toUpperCase(Locale.ROOT);
        if (symbol.endsWith("CE")) {
            return "CE";
        }
        if (symbol.endsWith("PE")) {
            return "PE";
        }
        return "FUT";
    }

    private static String segment(InstrumentId id, String type) {
        return switch (type) {
            case "EQ" -> id.exchange();
            case "FUT" -> id.exchange() + "-FUT";
            default -> id.exchange() + "-OPT";
        };
    }
}
