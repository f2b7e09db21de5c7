package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.OrderEvent;
import java.time.Instant;

/** An event as the journal holds it: its global sequence (gap-free per journal, from 1) and when it was recorded. */
public record JournalRecord(long globalSequence, OrderEvent event, Instant recordedAt) {
    public JournalRecord {
        requireNonNull(event, "event is null");
        requireNonNull(recordedAt, "recordedAt is null");
        if (globalSequence < 1) {
            throw new IllegalArgumentException("globalSequence must be at least 1, got " + globalSequence);
        }
    }
}
