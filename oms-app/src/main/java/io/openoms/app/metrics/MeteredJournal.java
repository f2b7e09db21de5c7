package io.openoms.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Records the events in each appended batch, the time from the append until the batch is durable,
 * and the appends that failed. The append's future and any exception reach the caller unchanged;
 * reads pass straight through.
 */
final class MeteredJournal implements Journal {
    private final Journal delegate;
    private final DistributionSummary batchEvents;
    private final Timer commits;
    private final Counter failures;

    MeteredJournal(Journal delegate, MeterRegistry registry) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        requireNonNull(registry, "registry is null");
        this.batchEvents = DistributionSummary.builder("oms.journal.batch")
                .description("Order events per journal batch (the engine groups the commands it finds queued)")
                .baseUnit("events")
                .serviceLevelObjectives(Buckets.BATCH_EVENTS)
                .register(registry);
        this.commits = Timer.builder("oms.journal.commit")
                .description("Time from appending a journal batch until it is durable")
                .serviceLevelObjectives(Buckets.COMMAND)
                .register(registry);
        this.failures = Counter.builder("oms.journal.failures")
                .description("Journal batches that could not be made durable (nothing of them was written)")
                .register(registry);
    }

    @Override
    public CompletableFuture<Void> append(JournalBatch batch) {
        long start = System.nanoTime();
        CompletableFuture<Void> durable;
        try {
            durable = delegate.append(batch);
        } catch (RuntimeException | Error e) {
            failures.increment();
            throw e;
        }
        batchEvents.record(batch.events().size());
        if (durable != null) {
            durable.whenComplete((ignored, error) -> {
                if (error == null) {
                    commits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                } else {
                    failures.increment();
                }
            });
        }
        return durable;
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
