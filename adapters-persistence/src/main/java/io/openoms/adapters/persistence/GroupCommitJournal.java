package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.JournalRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database journal with group commit. {@link #append} checks the batch, queues it and returns
 * at once; one writer thread takes up to {@code batchSize} queued appends (waiting at most
 * {@code maxWait} after the first for more) and commits them in one transaction (see
 * {@link JournalWrites}). Futures complete in append order, and only after the commit.
 *
 * <p>When a group fails because of one bad append (a duplicate event or fill, a version conflict),
 * each append of the group is retried alone, so that only the bad one fails. When the database is
 * unreachable every append of the group fails with "database unavailable: …"; the pool reconnects
 * by itself and later appends succeed once it is back.
 *
 * <p>Global sequence numbers are assigned here, from the highest stored one, so they are gap-free
 * as long as this is the only writer; after a failed commit the next group reads it again.
 *
 * <p>Futures are completed on the writer thread: callers should attach only quick callbacks, or
 * use the {@code *Async} variants.
 */
final class GroupCommitJournal implements Journal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitJournal.class);
    private static final Consumer<Handle> NO_HOOK = handle -> {};

    private final Jdbi jdbi;
    /** PostgreSQL gets set-based statements where H2 keeps JDBC batches. */
    private final boolean postgres;

    private final String broker;
    private final Clock clock;
    private final int batchSize;
    private final long maxWaitNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private final Thread writer;
    private boolean closed;
    private volatile Consumer<Handle> afterEventsHook = NO_HOOK;
    /** Told after each commit, on the writer thread (the projector's wake-up). */
    private final Runnable afterCommit;
    /** The next global sequence, or 0 when it must be read from the database. Writer thread only. */
    private long nextGlobalSequence;
    /** The next position change sequence, or 0 when it must be read from the database. Writer thread only. */
    private long nextChangeSequence;

    GroupCommitJournal(
            Jdbi jdbi,
            boolean postgres,
            String broker,
            Clock clock,
            int batchSize,
            Duration maxWait,
            Runnable afterCommit) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
        this.postgres = postgres;
        this.broker = requireNonNull(broker, "broker is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.maxWaitNanos = requireNonNull(maxWait, "maxWait is null").toNanos();
        this.afterCommit = requireNonNull(afterCommit, "afterCommit is null");
        this.writer = new Thread(this::run, "openoms-journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public CompletableFuture<Void> append(JournalBatch batch) {
        requireNonNull(batch, "batch is null");
        JournalException refused = null;
        try {
            JournalWrites.validate(batch);
        } catch (JournalException e) {
            refused = e;
        }
        // A refused batch is queued too, so that its future completes in append order.
        Pending pending = new Pending(batch, new CompletableFuture<>(), refused);
        synchronized (lifecycle) {
            if (closed) {
                return CompletableFuture.failedFuture(new JournalException("the journal is closed"));
            }
            queue.add(pending);
        }
        return pending.future;
    }

    @Override
    public List<JournalRecord> eventsOf(ClientOrderId orderId) {
        requireNonNull(orderId, "orderId is null");
        return read(handle -> JournalReads.eventsOf(handle, orderId));
    }

    @Override
    public List<JournalRecord> readAfter(long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return read(handle -> JournalReads.readAfter(handle, Math.max(0, afterSequence), limit));
    }

    private <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
        return Reads.withHandle(jdbi, callback);
    }

    /** Stops taking appends, commits everything already appended, then stops the writer thread. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(Pending.STOP);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: runs inside each group's transaction after the events are inserted. */
    void afterEventsInserted(Consumer<Handle> hook) {
        this.afterEventsHook = requireNonNull(hook, "hook is null");
    }

    private void run() {
        boolean stop = false;
        while (!stop) {
            List<Pending> group = new ArrayList<>();
            try {
                stop = collect(group);
            } catch (InterruptedException e) {
                // Only close() ends the writer; an interrupt alone is ignored so that nothing is lost.
                continue;
            }
            if (!group.isEmpty()) {
                try {
                    commit(group);
                } catch (Throwable t) {
                    LOG.error("journal writer failed unexpectedly", t);
                    fail(group, new JournalException("journal writer failed: " + DatabaseErrors.describe(t), t));
                }
            }
        }
    }

    /** Fills {@code group} with the next appends; true when close() was reached. */
    private boolean collect(List<Pending> group) throws InterruptedException {
        Pending first = queue.take();
        if (first == Pending.STOP) {
            return true;
        }
        group.add(first);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (group.size() < batchSize) {
            Pending next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (next == Pending.STOP) {
                return true;
            }
            group.add(next);
        }
        return false;
    }

    private void commit(List<Pending> group) {
        List<JournalBatch> valid = group.stream()
                .filter(p -> p.refused == null)
                .map(Pending::batch)
                .toList();
        try {
            if (!valid.isEmpty()) {
                commitTogether(valid);
            }
            group.forEach(Pending::completeCommitted);
            return;
        } catch (RuntimeException e) {
            forgetSequences();
            if (DatabaseErrors.isUnavailable(e) || valid.size() == 1) {
                JournalException failure = journalException(e);
                group.forEach(p -> p.fail(failure));
                return;
            }
            LOG.warn(
                    "group commit of {} appends failed ({}); committing each alone",
                    valid.size(),
                    DatabaseErrors.describe(e));
        }
        for (Pending pending : group) {
            if (pending.refused != null) {
                pending.completeCommitted();
                continue;
            }
            try {
                commitTogether(List.of(pending.batch));
                pending.future.complete(null);
            } catch (RuntimeException e) {
                forgetSequences();
                pending.future.completeExceptionally(journalException(e));
            }
        }
    }

    private void commitTogether(List<JournalBatch> batches) {
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Consumer<Handle> hook = afterEventsHook;
        long[] next = jdbi.inTransaction(handle -> {
            long firstEvent =
                    nextGlobalSequence > 0 ? nextGlobalSequence : stored(handle, "global_seq", "order_events") + 1;
            long firstChange =
                    nextChangeSequence > 0 ? nextChangeSequence : stored(handle, "change_seq", "position_changes") + 1;
            JournalWrites.Written written =
                    JournalWrites.write(handle, batches, broker, firstEvent, firstChange, recordedAt, hook, postgres);
            return new long[] {firstEvent + written.events(), firstChange + written.positionChanges()};
        });
        nextGlobalSequence = next[0];
        nextChangeSequence = next[1];
        afterCommit.run();
    }

    /** After a failed commit the sequences are read again: nothing of it was stored. */
    private void forgetSequences() {
        nextGlobalSequence = 0;
        nextChangeSequence = 0;
    }

    private static long stored(Handle handle, String column, String table) {
        return handle.createQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)
                .mapTo(Long.class)
                .one();
    }

    private static JournalException journalException(Throwable e) {
        if (e instanceof JournalException journal) {
            return journal;
        }
        if (DatabaseErrors.isUnavailable(e)) {
            return new JournalException("database unavailable: " + DatabaseErrors.describe(e), e);
        }
        if (DatabaseErrors.isUniqueViolation(e)) {
            return new JournalException(
                    "batch refused, an event or fill in it is already journalled: " + DatabaseErrors.describe(e), e);
        }
        return new JournalException("batch refused by the database: " + DatabaseErrors.describe(e), e);
    }

    private static void fail(List<Pending> group, JournalException failure) {
        group.forEach(p -> p.fail(failure));
    }

    /** One append; {@code refused} is set when the batch failed validation and is never written. */
    private record Pending(JournalBatch batch, CompletableFuture<Void> future, JournalException refused) {
        static final Pending STOP = new Pending(new JournalBatch(List.of(), List.of(), List.of()), null, null);

        /** Completes after its group committed: normally, or with its own refusal. */
        void completeCommitted() {
            if (refused == null) {
                future.complete(null);
            } else {
                future.completeExceptionally(refused);
            }
        }

        void fail(JournalException failure) {
            future.completeExceptionally(refused == null ? failure : refused);
        }
    }
}
