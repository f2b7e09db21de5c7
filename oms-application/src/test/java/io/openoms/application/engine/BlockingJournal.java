package io.openoms.application.engine;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A journal whose first append (once armed; armed from the start unless made {@link #disarmed})
 * blocks the engine thread until the test releases it.
 */
final class BlockingJournal implements Journal {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Journal delegate;
    private final AtomicBoolean armed;

    BlockingJournal(Journal delegate) {
        this(delegate, true);
    }

    private BlockingJournal(Journal delegate, boolean armed) {
        this.delegate = delegate;
        this.armed = new AtomicBoolean(armed);
    }

    /** Appends pass until {@link #arm()}. */
    static BlockingJournal disarmed(Journal delegate) {
        return new BlockingJournal(delegate, false);
    }

    void arm() {
        armed.set(true);
    }

    @Override
    public CompletableFuture<Void> append(JournalBatch batch) {
        if (!armed.get()) {
            return delegate.append(batch);
        }
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
