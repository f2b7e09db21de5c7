package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Instrument master data. Reads answer from memory, as {@code InstrumentCatalog} promises: the
 * table is loaded when the store opens and kept in step by {@link #saveAll}, which writes the
 * database first and updates memory only once the write committed.
 */
final class JdbiInstrumentStore implements InstrumentStore {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<InstrumentId, Instrument> instruments = new ConcurrentHashMap<>();

    JdbiInstrumentStore(Jdbi jdbi, Clock clock) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Loads every stored instrument into memory. */
    void load() {
        List<Instrument> all = Reads.withHandle(jdbi, handle -> handle.createQuery(
                        "SELECT instrument_id, tick_size, lot_size, min_quantity, max_quantity, freeze_quantity,"
                                + " currency, session FROM instruments")
                .map((rs, ctx) -> new Instrument(
                        InstrumentId.parse(rs.getString("instrument_id")),
                        new BigDecimal(rs.getString("tick_size")),
                        Quantity.of(Sql.decimal(rs, "lot_size")),
                        Quantity.of(Sql.decimal(rs, "min_quantity")),
                        Sql.optionalDecimal(rs, "max_quantity").map(Quantity::of),
                        Sql.optionalDecimal(rs, "freeze_quantity").map(Quantity::of),
                        Currency.getInstance(rs.getString("currency")),
                        TradingSessionCodec.decode(rs.getString("session"))))
                .list());
        instruments.clear();
        all.forEach(i -> instruments.put(i.id(), i));
    }

    @Override
    public Optional<Instrument> find(InstrumentId id) {
        requireNonNull(id, "id is null");
        return Optional.ofNullable(instruments.get(id));
    }

    @Override
    public Collection<Instrument> all() {
        return List.copyOf(instruments.values());
    }

    @Override
    public synchronized void saveAll(Collection<Instrument> toSave) {
        List<Instrument> list = List.copyOf(requireNonNull(toSave, "instruments is null"));
        if (list.isEmpty()) {
            return;
        }
        Reads.withHandle(
                jdbi,
                handle -> handle.inTransaction(tx -> {
                    for (List<Instrument> chunk : Sql.chunks(list)) {
                        List<String> ids =
                                chunk.stream().map(i -> i.id().toString()).toList();
                        tx.createUpdate("DELETE FROM instruments WHERE instrument_id IN (<ids>)")
                                .bindList("ids", ids)
                                .execute();
                        var insert =
                                tx.prepareBatch("INSERT INTO instruments (instrument_id, exchange, symbol, tick_size,"
                                        + " lot_size, min_quantity, max_quantity, freeze_quantity, currency, session, updated_at)"
                                        + " VALUES (:id, :exchange, :symbol, :tick, :lot, :min, :max, :freeze, :currency, :session,"
                                        + " :at)");
                        for (Instrument i : chunk) {
                            insert.bind("id", i.id().toString())
                                    .bind("exchange", i.id().exchange())
                                    .bind("symbol", i.id().symbol())
                                    .bind("tick", i.tickSize().toPlainString())
                                    .bind("lot", i.lotSize().value())
                                    .bind("min", i.minQuantity().value())
                                    .bind(
                                            "max",
                                            i.maxQuantity().map(Quantity::value).orElse((BigDecimal) null))
                                    .bind(
                                            "freeze",
                                            i.freezeQuantity()
                                                    .map(Quantity::value)
                                                    .orElse((BigDecimal) null))
                                    .bind("currency", i.currency().getCurrencyCode())
                                    .bind("session", TradingSessionCodec.encode(i.session()))
                                    .bind("at", Sql.timestamp(clock.instant()))
                                    .add();
                        }
                        insert.execute();
                    }
                    return null;
                }));
        list.forEach(i -> instruments.put(i.id(), i));
    }
}
