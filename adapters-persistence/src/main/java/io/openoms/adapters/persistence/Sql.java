package io.openoms.adapters.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ObjectArgument;

/**
 * JDBC value conversions that behave the same on PostgreSQL and H2: instants as UTC
 * {@code TIMESTAMP WITH TIME ZONE} (bound and read as {@link OffsetDateTime}, never through the JVM
 * time zone), decimals as {@link BigDecimal}.
 */
final class Sql {
    /** The most values bound in one {@code IN (...)} list. */
    static final int IN_LIST_CHUNK = 1000;

    private Sql() {}

    static Argument timestamp(Instant instant) {
        return ObjectArgument.of(
                instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static Argument timestamp(Optional<Instant> instant) {
        return timestamp(instant.orElse(null));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }

    static Optional<BigDecimal> optionalDecimal(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getBigDecimal(column));
    }

    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_LIST_CHUNK) {
            chunks.add(values.subList(from, Math.min(values.size(), from + IN_LIST_CHUNK)));
        }
        return chunks;
    }
}
