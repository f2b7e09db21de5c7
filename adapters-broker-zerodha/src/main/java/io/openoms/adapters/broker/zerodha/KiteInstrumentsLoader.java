package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.value.Quantity;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import okhttp3.OkHttpClient;

/**
 * Reads Kite's daily instruments CSV ({@code GET /instruments}, gzipped or not) into
 * {@link Instrument}s: tick size and lot size from the file, the session of the row's exchange
 * from the configuration, currency INR. Columns are found by their header names.
 *
 * <p>Thread safety: safe from any thread.
 */
public final class KiteInstrumentsLoader {
    private static final Currency INR = Currency.getInstance("INR");

    private final KiteConfig config;
    private final Optional<KiteHttp> http;

    /** A loader that parses files only. */
    public KiteInstrumentsLoader(KiteConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.http = Optional.empty();
    }

    /** A loader that can also download the file from Kite. */
    public KiteInstrumentsLoader(KiteConfig config, KiteSession session, OkHttpClient http) {
        this.config = requireNonNull(config, "config is null");
        this.http = Optional.of(new KiteHttp(config, session, http, Optional.empty()));
    }

    /** Downloads and parses {@code GET /instruments} (all exchanges; fetch once a day, ~08:30 IST). */
    public BrokerResult<KiteInstrumentMaster> fetch() {
        return download("instruments");
    }

    /** Downloads and parses {@code GET /instruments/:exchange}. */
    public BrokerResult<KiteInstrumentMaster> fetch(String exchange) {
        requireNonNull(exchange, "exchange is null");
        return download("instruments/" + exchange.toUpperCase(Locale.ROOT));
    }

    private BrokerResult<KiteInstrumentMaster> download(String path) {
        KiteHttp client = http.orElseThrow(() -> new IllegalStateException("this loader has no HTTP client"));
        BrokerResult<byte[]> bytes = client.getBytes(path, EndpointFamily.QUERIES);
        if (!(bytes instanceof BrokerResult.Success<byte[]> success)) {
            return KiteResults.failure(bytes);
        }
        try {
            return BrokerResult.success(parse(new ByteArrayInputStream(success.value())));
        } catch (IOException e) {
            return KiteErrorClassifier.unparseable(200, "instruments CSV: " + e.getMessage());
        }
    }

    /** Parses the CSV from {@code input} (gzip detected by its magic number). */
    public KiteInstrumentMaster parse(InputStream input) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(requireNonNull(input, "input is null"));
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream plain = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered) : buffered;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(plain, UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new IOException("the instruments file is empty");
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> header = fields(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            for (String required : new String[] {"tradingsymbol", "exchange", "tick_size", "lot_size"}) {
                if (!columns.containsKey(required)) {
                    throw new IOException("the instruments file has no column " + required);
                }
            }
            Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
            Map<InstrumentId, Long> tokens = new LinkedHashMap<>();
            int skipped = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = fields(line);
                Optional<Instrument> instrument = instrument(row, columns);
                if (instrument.isEmpty()) {
                    skipped++;
                    continue;
                }
                instruments.put(instrument.get().id(), instrument.get());
                value(row, columns, "instrument_token")
                        .flatMap(KiteInstrumentsLoader::longValue)
                        .ifPresent(token -> tokens.put(instrument.get().id(), token));
            }
            return new KiteInstrumentMaster(instruments, tokens, skipped);
        }
    }

    private Optional<Instrument> instrument(List<String> row, Map<String, Integer> columns) {
        String segment = value(row, columns, "segment").orElse("");
        if (segment.equalsIgnoreCase("INDICES")) {
            return Optional.empty();
        }
        Optional<String> exchange = value(row, columns, "exchange");
        Optional<String> symbol = value(row, columns, "tradingsymbol");
        if (exchange.isEmpty() || symbol.isEmpty()) {
            return Optional.empty();
        }
        Optional<TradingSession> session = config.session(exchange.get());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        try {
            InstrumentId id = InstrumentId.of(exchange.get(), symbol.get());
            BigDecimal tick = new BigDecimal(value(row, columns, "tick_size").orElse("0"));
            BigDecimal lot = new BigDecimal(value(row, columns, "lot_size").orElse("0"));
            if (tick.signum() <= 0 || lot.signum() <= 0) {
                return Optional.empty();
            }
            Quantity lotSize = Quantity.of(lot);
            return Optional.of(
                    new Instrument(id, tick, lotSize, lotSize, Optional.empty(), Optional.empty(), INR, session.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(List<String> row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.size()) {
            return Optional.empty();
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Long> longValue(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One CSV line's fields: commas separate, double quotes enclose, {@code ""} is a quote. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
