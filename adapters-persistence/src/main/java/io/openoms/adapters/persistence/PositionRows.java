package io.openoms.adapters.persistence;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionSide;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.StrategyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code positions} row: one per position (its key and the trade that opened it), open or
 * closed. Read back through {@link Position}'s validating constructor.
 */
final class PositionRows {
    static final List<String> IDENTITY = List.of("account", "strategy", "instrument", "product", "opening_trade_id");
    static final List<String> STATE = List.of(
            "accounting_method",
            "side",
            "quantity",
            "open_cost",
            "realized_pnl",
            "fees",
            "last_mark",
            "last_mark_at",
            "highest_mark",
            "lowest_mark",
            "peak_pnl",
            "max_drawdown",
            "lots",
            "trade_ids",
            "opened_at",
            "closed_at",
            "is_open");

    static final String INSERT;
    static final String UPDATE;

    static {
        List<String> all = new ArrayList<>(IDENTITY);
        all.addAll(STATE);
        INSERT = "INSERT INTO positions (" + String.join(", ", all) + ", version) VALUES ("
                + all.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ", 1)";
        UPDATE = "UPDATE positions SET "
                + STATE.stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "))
                + ", version = version + 1 WHERE "
                + IDENTITY.stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
    }

    static final String SELECT =
            "SELECT " + String.join(", ", IDENTITY) + ", " + String.join(", ", STATE) + ", version FROM positions";

    private PositionRows() {}

    /** What tells one position from another: its key and the trade that opened it. */
    record Identity(PositionKey key, String openingTradeId) {
        static Identity of(Position position) {
            return new Identity(position.key(), position.tradeIds().get(0).value());
        }
    }

    static Map<String, Object> values(Position p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("account", p.key().account().value());
        v.put("strategy", p.key().strategy().value());
        v.put("instrument", p.key().instrument().toString());
        v.put("product", p.key().product().code());
        v.put("opening_trade_id", p.tradeIds().get(0).value());
        v.put("accounting_method", p.method().name());
        v.put("side", p.side().name());
        v.put("quantity", p.quantity().value());
        v.put("open_cost", p.openCost().amount());
        v.put("realized_pnl", p.realizedPnl().amount());
        v.put("fees", p.fees().amount());
        v.put("last_mark", p.lastMark().map(Price::value).orElse(null));
        v.put("last_mark_at", Sql.timestamp(p.lastMarkAt()));
        v.put("highest_mark", p.highestMark().map(Price::value).orElse(null));
        v.put("lowest_mark", p.lowestMark().map(Price::value).orElse(null));
        v.put("peak_pnl", p.peakPnl().amount());
        v.put("max_drawdown", p.maxDrawdown().amount());
        v.put("lots", PositionCodec.encodeLots(p.lots()));
        v.put("trade_ids", PositionCodec.encodeTradeIds(p.tradeIds()));
        v.put("opened_at", Sql.timestamp(p.openedAt()));
        v.put("closed_at", Sql.timestamp(p.closedAt()));
        v.put("is_open", p.isOpen());
        return v;
    }

    /**
     * The values of {@link #IDENTITY} then {@link #STATE}, in that order, for an append-only row
     * ({@code position_changes}): instants as {@link java.time.Instant}, decimals exact.
     */
    static Object[] stateRow(Position p) {
        return new Object[] {
            p.key().account().value(),
            p.key().strategy().value(),
            p.key().instrument().toString(),
            p.key().product().code(),
            p.tradeIds().get(0).value(),
            p.method().name(),
            p.side().name(),
            p.quantity().value(),
            p.openCost().amount(),
            p.realizedPnl().amount(),
            p.fees().amount(),
            p.lastMark().map(Price::value).orElse(null),
            p.lastMarkAt().orElse(null),
            p.highestMark().map(Price::value).orElse(null),
            p.lowestMark().map(Price::value).orElse(null),
            p.peakPnl().amount(),
            p.maxDrawdown().amount(),
            PositionCodec.encodeLots(p.lots()),
            PositionCodec.encodeTradeIds(p.tradeIds()),
            p.openedAt(),
            p.closedAt().orElse(null),
            p.isOpen()
        };
    }

    static Identity identity(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Identity(key(rs), rs.getString("opening_trade_id"));
    }

    private static PositionKey key(ResultSet rs) throws SQLException {
        return new PositionKey(
                AccountId.of(rs.getString("account")),
                StrategyId.of(rs.getString("strategy")),
                InstrumentId.parse(rs.getString("instrument")),
                Product.of(rs.getString("product")));
    }

    static Position map(ResultSet rs, StatementContext ctx) throws SQLException {
        PositionKey key = key(rs);
        try {
            return new Position(
                    key,
                    AccountingMethod.valueOf(rs.getString("accounting_method")),
                    PositionSide.valueOf(rs.getString("side")),
                    Quantity.of(Sql.decimal(rs, "quantity")),
                    Money.of(Sql.decimal(rs, "open_cost")),
                    PositionCodec.decodeLots(rs.getString("lots")),
                    Money.of(Sql.decimal(rs, "realized_pnl")),
                    Money.of(Sql.decimal(rs, "fees")),
                    Sql.optionalDecimal(rs, "last_mark").map(Price::of),
                    Sql.optionalInstant(rs, "last_mark_at"),
                    Sql.optionalDecimal(rs, "highest_mark").map(Price::of),
                    Sql.optionalDecimal(rs, "lowest_mark").map(Price::of),
                    Money.of(Sql.decimal(rs, "peak_pnl")),
                    Money.of(Sql.decimal(rs, "max_drawdown")),
                    Sql.instant(rs, "opened_at"),
                    Sql.optionalInstant(rs, "closed_at"),
                    PositionCodec.decodeTradeIds(rs.getString("trade_ids")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored position " + key + " is inconsistent: " + e.getMessage(), e);
        }
    }
}
