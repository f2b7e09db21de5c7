package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.position.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the journal and brings the {@code orders} and {@code positions} projections up to date.
 * Each step is one transaction of its own on the same database: it reads the events after the
 * orders cursor and the position changes after the positions cursor (both in
 * {@code journal_projections}), writes each touched order and position once, and moves the cursors
 * in the same transaction. A crash anywhere leaves projections and cursors consistent, and the
 * next catch-up (at the latest when the adapter opens) applies the rest: nothing is skipped and
 * nothing applied twice.
 *
 * <p>Two ways in: a follower thread catches up after every commit the journal reports, so the
 * projections trail the journal by about one step; and {@link #catchUp()}, which the stores call
 * before every read of a projection, so that a read reflects every append completed before it
 * began (read-your-writes, as {@code OrderStore} promises) at the price of applying what is left
 * on the reader's thread. Steps are serialized by one lock.
 */
final class JournalProjector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalProjector.class);
    static final String ORDERS = "orders";
    static final String POSITIONS = "positions";
    /** At most this many events, and as many position changes, per projector transaction. */
    static final int STEP_ROWS = 10_000;

    private static final String SELECT_CHANGES = "SELECT change_seq, " + String.join(", ", PositionRows.IDENTITY)
            + ", " + String.join(", ", PositionRows.STATE)
            + " FROM position_changes WHERE change_seq > :after ORDER BY change_seq LIMIT :limit";

    private final Jdbi jdbi;
    private final boolean postgres;
    private final String broker;
    private final ReentrantLock step = new ReentrantLock();
    private final ReentrantLock signal = new ReentrantLock();
    private final Condition committed = signal.newCondition();
    private final Thread follower;
    private boolean pending;
    private volatile boolean closed;
    private volatile boolean followerHeld;

    JournalProjector(Jdbi jdbi, boolean postgres, String broker) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
        this.postgres = postgres;
        this.broker = requireNonNull(broker, "broker is null");
        this.follower = new Thread(this::follow, "openoms-journal-projector");
        this.follower.setDaemon(true);
    }

    /** Starts the follower thread (after a first {@link #catchUp()}, which heals a crash). */
    void start() {
        follower.start();
    }

    /** Told by the journal after each commit, on its writer thread: only wakes the follower. */
    void journalCommitted() {
        signal.lock();
        try {
            pending = true;
            committed.signal();
        } finally {
            signal.unlock();
        }
    }

    /** Applies everything journalled so far; returns when the projections hold it. */
    void catchUp() {
        step.lock();
        try {
            while (applyStep()) {
                // each step is bounded; go on until a step finds nothing new
            }
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                throw new DatabaseUnavailableException("database unavailable: " + DatabaseErrors.describe(e), e);
            }
            throw e;
        } finally {
            step.unlock();
        }
    }

    /** For tests: the follower stops applying, and close does not catch up (as if the process died). */
    void holdFollower() {
        followerHeld = true;
    }

    /** The stored cursor of {@code projection} ({@link #ORDERS} or {@link #POSITIONS}). */
    long cursor(String projection) {
        return Reads.withHandle(jdbi, handle -> cursor(handle, projection));
    }

    /** Stops the follower; what is journalled but not yet projected is applied at the next open. */
    @Override
    public void close() {
        closed = true;
        journalCommitted();
        if (follower.isAlive()) {
            try {
                follower.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void follow() {
        while (!closed) {
            signal.lock();
            try {
                if (!pending) {
                    // A bounded wait, so that a lost wake-up costs at most a second of lag.
                    committed.await(1, TimeUnit.SECONDS);
                }
                pending = false;
            } catch (InterruptedException e) {
                continue;
            } finally {
                signal.unlock();
            }
            if (followerHeld) {
                continue;
            }
            try {
                catchUp();
            } catch (RuntimeException e) {
                // The journal is the record; the projections heal at the next step or read.
                LOG.warn("journal projector step failed, retrying later: {}", DatabaseErrors.describe(e));
            }
        }
    }

    /** One transaction; true when it applied something. */
    private boolean applyStep() {
        return jdbi.inTransaction(handle -> {
            long ordersCursor = cursor(handle, ORDERS);
            long positionsCursor = cursor(handle, POSITIONS);
            List<JournalRecord> records = JournalReads.readAfter(handle, ordersCursor, STEP_ROWS);
            List<Map.Entry<Long, Position>> changes = handle.createQuery(SELECT_CHANGES)
                    .bind("after", positionsCursor)
                    .bind("limit", STEP_ROWS)
                    .map((rs, ctx) -> Map.entry(rs.getLong("change_seq"), PositionRows.map(rs, ctx)))
                    .list();
            if (records.isEmpty() && changes.isEmpty()) {
                return false;
            }
            if (!records.isEmpty()) {
                projectOrders(handle, records, ordersCursor);
                move(
                        handle,
                        ORDERS,
                        ordersCursor,
                        records.get(records.size() - 1).globalSequence());
            }
            if (!changes.isEmpty()) {
                Map<PositionRows.Identity, Position> latest = new LinkedHashMap<>();
                changes.forEach(c -> latest.put(PositionRows.Identity.of(c.getValue()), c.getValue()));
                Projections.writePositions(handle, new ArrayList<>(latest.values()));
                move(
                        handle,
                        POSITIONS,
                        positionsCursor,
                        changes.get(changes.size() - 1).getKey());
            }
            return true;
        });
    }

    /** Each order touched by {@code records}, replayed up to the last of them and written once. */
    private void projectOrders(Handle handle, List<JournalRecord> records, long cursor) {
        Map<String, List<OrderEvent>> events = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            events.computeIfAbsent(record.event().orderId().value(), k -> new ArrayList<>())
                    .add(record.event());
        }
        Map<String, Long> expected = new HashMap<>();
        List<String> continued = new ArrayList<>();
        events.forEach((id, orderEvents) -> {
            long first = orderEvents.get(0).sequence();
            expected.put(id, first - 1);
            if (first > 1) {
                continued.add(id);
            }
        });
        Map<String, List<OrderEvent>> earlier = new HashMap<>();
        for (List<String> chunk : Sql.chunks(continued)) {
            handle.createQuery(
                            "SELECT " + JournalReads.RECORD_COLUMNS + " FROM order_events e"
                                    + " WHERE e.order_id IN (<ids>) AND e.global_seq <= :cursor ORDER BY e.order_id, e.order_seq")
                    .bindList("ids", chunk)
                    .bind("cursor", cursor)
                    .map(JournalReads::record)
                    .forEach(r -> earlier.computeIfAbsent(r.event().orderId().value(), k -> new ArrayList<>())
                            .add(r.event()));
        }
        List<Order> orders = new ArrayList<>(events.size());
        events.forEach((id, orderEvents) -> {
            List<OrderEvent> all = new ArrayList<>(earlier.getOrDefault(id, List.of()));
            all.addAll(orderEvents);
            orders.add(JournalReads.replay(id, all));
        });
        Projections.writeOrders(handle, orders, expected, broker, postgres);
    }

    /**
     * The stored cursor; a missing row (a database emptied table by table, as tests reset it) means the
     * projection starts from the beginning of the journal.
     */
    private static long cursor(Handle handle, String projection) {
        return handle.createQuery("SELECT last_sequence FROM journal_projections WHERE name = :name")
                .bind("name", projection)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    /** Moves a cursor from where this step found it; another projector having moved it fails the step. */
    private static void move(Handle handle, String projection, long from, long to) {
        int moved = handle.createUpdate("UPDATE journal_projections SET last_sequence = :to"
                        + " WHERE name = :name AND last_sequence = :from")
                .bind("to", to)
                .bind("name", projection)
                .bind("from", from)
                .execute();
        if (moved == 0 && from == 0) {
            // No row yet: insert it; the primary key refuses a second projector doing the same.
            moved = handle.createUpdate("INSERT INTO journal_projections (name, last_sequence) VALUES (:name, :to)")
                    .bind("name", projection)
                    .bind("to", to)
                    .execute();
        }
        if (moved != 1) {
            throw new IllegalStateException("the " + projection + " projection was moved by another projector");
        }
    }
}
