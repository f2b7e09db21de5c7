package io.openoms.application.engine;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** A journal whose first append blocks the engine thread until the test releases it. */
final class BlockingJournal implements Journal {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Journal delegate;

    BlockingJournal(Journal delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Void> append(JournalBatch batch) {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return delegate.append(batch);
    }

    @Override
    public List<JournalRecord> eventsOf(ClientOrderId orderId) {
        return delegate.eventsOf(orderId);
    }

    @Override
    public List<JournalRecord> readAfter(long afterSequence, int limit) {
        return delegate.readAfter(afterSequence, limit);
    }
}
