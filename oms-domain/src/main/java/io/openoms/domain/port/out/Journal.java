package io.openoms.domain.port.out;

import io.openoms.domain.order.ClientOrderId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The append-only record of every order event, written together with the current state it
 * produces. The journal is the system of record: recovery restores from it, replay rebuilds
 * orders from it, and the event stream is read from it.
 *
 * <p>Durable means committed: once the future returned by {@link #append} completes normally the
 * whole batch survives a crash of the process and, for a database journal, of the machine
 * (synchronous commit). A batch is all or nothing: when the future completes exceptionally with a
 * {@link JournalException}, nothing of the batch is visible to any reader, now or after restart.
 *
 * <p>Thread safety: {@link #append} is called by one writer (the engine); implementations may
 * commit several appended batches together (group commit) but complete their futures in append
 * order. Readers may call the read methods from any thread.
 *
 * <p>Idempotency: an event is identified by its order id and per-order sequence; appending one that
 * is already stored fails the whole batch with a {@link JournalException} rather than storing it
 * twice. A fill is identified by its trade id and can never be stored twice.
 */
public interface Journal {
    /** Appends a batch; the future completes when it is durable, or exceptionally when nothing was written. */
    CompletableFuture<Void> append(JournalBatch batch);

    /** The events of one order in sequence order; empty when the order is unknown. */
    List<JournalRecord> eventsOf(ClientOrderId orderId);

    /**
     * Up to {@code limit} records with a global sequence greater than {@code afterSequence}, in
     * global order; {@code afterSequence} 0 reads from the start.
     */
    List<JournalRecord> readAfter(long afterSequence, int limit);
}
