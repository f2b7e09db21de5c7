package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instruments Alpaca trades, from {@code GET /v2/assets?status=active} at start-up: no hand
 * configuration. Only tradable assets are kept.
 *
 * <ul>
 *   <li>A US stock or ETF ({@code us_equity}) is {@code US:<symbol>}: tick $0.01 (Alpaca's {@code
 *       price_increment} when sent), lot 1, or, when {@code fractionable}, its {@code
 *       min_trade_increment} (else 0.000000001, Alpaca's nine decimals) with minimum {@code
 *       min_order_size}; its session is 09:30–16:00 New York on the weekdays of {@code
 *       /v2/calendar}, the other weekdays of the next year as holidays (early closes are not
 *       modelled).
 *   <li>A crypto pair is {@code CRYPTO:<base>-<quote>}: tick {@code price_increment}, lot {@code
 *       min_trade_increment}, minimum {@code min_order_size}; it trades 24/7.
 * </ul>
 */
public final class AlpacaInstrumentsLoader {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaInstrumentsLoader.class);
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal NINE_DECIMALS = new BigDecimal("0.000000001");
    private static final Currency USD = Currency.getInstance("USD");

    private final AlpacaHttp http;
    private final AlpacaSymbols symbols;
    private final Clock clock;

    public AlpacaInstrumentsLoader(AlpacaConfig config, RateLimitGuard rateLimits, OkHttpClient http, Clock clock) {
        this.http = new AlpacaHttp(
                requireNonNull(config, "config is null"),
                requireNonNull(http, "http is null"),
                Optional.of(requireNonNull(rateLimits, "rateLimits is null")));
        this.symbols = new AlpacaSymbols(config.equityExchange());
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Every tradable asset as an instrument; an asset that cannot be read is skipped with a warning. */
    public BrokerResult<List<Instrument>> load() {
        BrokerResult<TradingSession> equities = equitySession();
        if (!(equities instanceof BrokerResult.Success<TradingSession> session)) {
            return AlpacaResults.failure(equities);
        }
        BrokerResult<JsonNode> assets = http.getExtra("assets", List.of(Map.entry("status", "active")));
        return AlpacaResults.map(assets, node -> {
            if (!node.isArray()) {
                throw new AlpacaPayloadException("the assets are not a list");
            }
            List<Instrument> instruments = new ArrayList<>();
            int skipped = 0;
            for (JsonNode asset : node) {
                try {
                    instrument(symbols, asset, session.value()).ifPresent(instruments::add);
                } catch (AlpacaPayloadException | IllegalArgumentException e) {
                    skipped++;
                    LOG.warn(
                            "skipping Alpaca asset {}: {}",
                            AlpacaJson.text(asset, "symbol").orElse("?"),
                            e.getMessage());
                }
            }
            LOG.info("Alpaca assets: {} tradable instruments, {} skipped", instruments.size(), skipped);
            return List.copyOf(instruments);
        });
    }

    static Optional<Instrument> instrument(AlpacaSymbols symbols, JsonNode asset, TradingSession equities)
            throws AlpacaPayloadException {
        if (!asset.isObject()) {
            throw new AlpacaPayloadException("an asset is not an object");
        }
        if (!AlpacaJson.flag(asset, "tradable")) {
            return Optional.empty();
        }
        String assetClass = AlpacaJson.text(asset, "class")
                .or(() -> AlpacaJson.text(asset, "asset_class"))
                .orElseThrow(() -> new AlpacaPayloadException("class is missing"))
                .toLowerCase(Locale.ROOT);
        InstrumentId id = symbols.instrument(AlpacaJson.requiredText(asset, "symbol"), assetClass);
        Optional<BigDecimal> priceIncrement = AlpacaJson.decimal(asset, "price_increment");
        Optional<BigDecimal> increment = AlpacaJson.decimal(asset, "min_trade_increment");
        Optional<BigDecimal> minimum = AlpacaJson.decimal(asset, "min_order_size");
        BigDecimal tick = positive(priceIncrement.orElse(CENT), "price_increment");
        if (assetClass.equals("crypto")) {
            BigDecimal lot = positive(
                    increment.orElseThrow(() -> new AlpacaPayloadException("min_trade_increment is missing")),
                    "min_trade_increment");
            BigDecimal min = positive(minimum.orElse(lot), "min_order_size");
            Currency quote = currency(id.symbol().substring(id.symbol().indexOf('-') + 1));
            return Optional.of(new Instrument(
                    id,
                    tick,
                    Quantity.of(lot),
                    Quantity.of(min),
                    Optional.empty(),
                    Optional.empty(),
                    quote,
                    allWeek()));
        }
        boolean fractionable = AlpacaJson.flag(asset, "fractionable");
        BigDecimal lot =
                fractionable ? positive(increment.orElse(NINE_DECIMALS), "min_trade_increment") : BigDecimal.ONE;
        BigDecimal min = fractionable ? positive(minimum.orElse(lot), "min_order_size") : BigDecimal.ONE;
        return Optional.of(new Instrument(
                id, tick, Quantity.of(lot), Quantity.of(min), Optional.empty(), Optional.empty(), USD, equities));
    }

    /** US equities' session: the weekdays of the next year that {@code /v2/calendar} leaves out are holidays. */
    BrokerResult<TradingSession> equitySession() {
        LocalDate today = clock.instant().atZone(AlpacaConfig.NEW_YORK).toLocalDate();
        LocalDate end = today.plusYears(1);
        BrokerResult<JsonNode> calendar = http.getExtra(
                "calendar", List.of(Map.entry("start", today.toString()), Map.entry("end", end.toString())));
        return AlpacaResults.map(calendar, node -> {
            if (!node.isArray()) {
                throw new AlpacaPayloadException("the calendar is not a list");
            }
            Set<LocalDate> tradingDays = new HashSet<>();
            for (JsonNode day : node) {
                try {
                    tradingDays.add(LocalDate.parse(AlpacaJson.requiredText(day, "date")));
                } catch (DateTimeParseException e) {
                    throw new AlpacaPayloadException("a calendar date is not yyyy-MM-dd");
                }
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (LocalDate day = today; !day.isAfter(end); day = day.plusDays(1)) {
                boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
                if (weekday && !tradingDays.contains(day)) {
                    holidays.add(day);
                }
            }
            return usEquities(holidays);
        });
    }

    /** 09:30–16:00 New York, Monday to Friday. */
    public static TradingSession usEquities(Set<LocalDate> holidays) {
        return new TradingSession(
                AlpacaConfig.NEW_YORK,
                LocalTime.of(9, 30),
                LocalTime.of(16, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                holidays);
    }

    /** Every day, all day (UTC); the session's close is exclusive, so the last nanosecond is left out. */
    public static TradingSession allWeek() {
        return new TradingSession(
                ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.MAX, EnumSet.allOf(DayOfWeek.class), Set.of());
    }

    private static BigDecimal positive(BigDecimal value, String field) throws AlpacaPayloadException {
        if (value.signum() <= 0) {
            throw new AlpacaPayloadException(field + " must be positive, got " + value.toPlainString());
        }
        return value;
    }

    private static Currency currency(String code) throws AlpacaPayloadException {
        try {
            return Currency.getInstance(code.equals("USDT") || code.equals("USDC") ? "USD" : code);
        } catch (IllegalArgumentException e) {
            throw new AlpacaPayloadException("quote currency " + code + " is not an ISO 4217 currency");
        }
    }
}
