package io.openoms.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.JournalRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MeteredJournalTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedJournal store = new ScriptedJournal();
    private final Journal journal = new MeteredJournal(store, registry);
    private final OrderLifecycles orders = new OrderLifecycles();

    @Test
    void a_batch_records_its_events_and_its_commit_time_once_durable_through_the_same_future() {
        ClientOrderId id = orders.accepted(10);
        JournalBatch batch = new JournalBatch(orders.history(id), List.of(orders.order(id)), List.of());
        CompletableFuture<Void> durable = new CompletableFuture<>();
        store.next = durable;

        CompletableFuture<Void> returned = journal.append(batch);

        assertThat(returned).isSameAs(durable);
        assertThat(registry.get("oms.journal.batch").summary().count()).isEqualTo(1);
        assertThat(registry.get("oms.journal.batch").summary().totalAmount()).isEqualTo(4);
        assertThat(registry.get("oms.journal.commit").timer().count()).isZero();
        durable.complete(null);
        assertThat(registry.get("oms.journal.commit").timer().count()).isEqualTo(1);
        assertThat(failures()).isZero();
    }

    @Test
    void a_batch_that_could_not_be_made_durable_is_a_failure_not_a_commit() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new JournalException("database down"));
        store.next = failed;

        assertThat(journal.append(new JournalBatch(List.of(), List.of(), List.of())))
                .isSameAs(failed);

        assertThat(failures()).isEqualTo(1);
        assertThat(registry.get("oms.journal.commit").timer().count()).isZero();
    }

    @Test
    void an_append_that_throws_is_a_failure_and_the_exception_reaches_the_caller() {
        JournalException down = new JournalException("pool closed");
        store.thrown = down;

        assertThatThrownBy(() -> journal.append(new JournalBatch(List.of(), List.of(), List.of())))
                .isSameAs(down);
        assertThat(failures()).isEqualTo(1);
    }

    @Test
    void reads_are_the_journals_own() {
        assertThat(journal.readAfter(0, 10)).isSameAs(store.records);
        assertThat(journal.eventsOf(ClientOrderId.of("O-1"))).isSameAs(store.records);
    }

    private double failures() {
        return registry.get("oms.journal.failures").counter().count();
    }

    private static final class ScriptedJournal implements Journal {
        CompletableFuture<Void> next;
        RuntimeException thrown;
        final List<JournalRecord> records = new ArrayList<>();

        @Override
        public CompletableFuture<Void> append(JournalBatch batch) {
            if (thrown != null) {
                throw thrown;
            }
            return next;
        }

        @Override
        public List<JournalRecord> eventsOf(ClientOrderId orderId) {
            return records;
        }

        @Override
        public List<JournalRecord> readAfter(long afterSequence, int limit) {
            return records;
        }
    }
}
