package io.openoms.adapters.persistence;

import io.openoms.domain.order.Order;
import io.openoms.domain.position.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes the projections inside the projector's transaction: each order once, as it stands after
 * the journal range being applied (inserted when the range holds its creation, else updated under
 * a version check), and each position once (updated, or inserted when no row exists).
 *
 * <p>The version check is the {@code WHERE version = ?} of each order's update (on PostgreSQL one
 * statement over arrays updates all of them, and its count must be the number of orders): a row
 * that is not where the range starts means the projection was written by something else, and the
 * projector's transaction fails rather than skip or repeat events.
 */
final class Projections {
    private Projections() {}

    /**
     * Writes {@code orders}; {@code expected} holds each order's stored version (0 for an order the
     * projection does not hold yet).
     */
    static void writeOrders(
            Handle handle, List<Order> orders, Map<String, Long> expected, String broker, boolean postgres) {
        PreparedBatch inserts = handle.prepareBatch(OrderRows.INSERT);
        List<Map<String, Object>> updates = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (Order order : orders) {
            Map<String, Object> values = OrderRows.values(order, broker);
            long expectedVersion = expected.get(order.id().value());
            if (expectedVersion == 0) {
                inserts.bindMap(OrderRows.arguments(values)).add();
            } else {
                values.put("expected_version", expectedVersion);
                updates.add(values);
                updated.add(order.id().value());
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.isEmpty()) {
            return;
        }
        if (postgres) {
            updateAll(handle, updates, updated, expected);
            return;
        }
        PreparedBatch batch = handle.prepareBatch(OrderRows.UPDATE);
        updates.forEach(values -> batch.bindMap(OrderRows.arguments(values)).add());
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw conflict(updated.get(i), expected);
            }
        }
    }

    private static void updateAll(
            Handle handle, List<Map<String, Object>> updates, List<String> ids, Map<String, Long> expected) {
        List<String> columns = new ArrayList<>(OrderRows.COLUMNS);
        columns.add("expected_version");
        Update statement = handle.createUpdate(OrderRows.UPDATE_ARRAYS);
        for (int c = 0; c < columns.size(); c++) {
            String[] values = new String[updates.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = OrderRows.text(updates.get(r).get(columns.get(c)));
            }
            statement.bind(c, textArray(values));
        }
        int count = statement.execute();
        if (count != ids.size()) {
            Map<String, Long> stored = new HashMap<>();
            handle.createQuery("SELECT order_id, version FROM orders WHERE order_id = ANY(:ids)")
                    .bindArray("ids", String.class, ids)
                    .map((rs, ctx) -> Map.entry(rs.getString("order_id"), rs.getLong("version")))
                    .forEach(e -> stored.put(e.getKey(), e.getValue()));
            String id = ids.stream()
                    .filter(i -> !expected.get(i).equals(stored.get(i)))
                    .findFirst()
                    .orElse(ids.get(0));
            throw conflict(id, expected);
        }
    }

    /** A {@code text[]} parameter. */
    private static Argument textArray(String[] values) {
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("text", values));
    }

    private static IllegalStateException conflict(String id, Map<String, Long> expected) {
        return new IllegalStateException("the orders projection of " + id + " is not at version " + expected.get(id)
                + " where the journal range starts; it was written by something other than the projector");
    }

    /**
     * Updates the positions that exist and inserts the others: an update of a missing row counts 0
     * (update counts are real, only inserts are rewritten), which saves looking them up first.
     */
    static void writePositions(Handle handle, List<Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows =
                positions.stream().map(PositionRows::values).toList();
        PreparedBatch updates = handle.prepareBatch(PositionRows.UPDATE);
        rows.forEach(values -> updates.bindMap(values).add());
        int[] counts = updates.execute();
        PreparedBatch inserts = handle.prepareBatch(PositionRows.INSERT);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.bindMap(rows.get(i)).add();
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
    }
}
