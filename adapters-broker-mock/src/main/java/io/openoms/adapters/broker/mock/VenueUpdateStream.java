package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.BrokerUpdates;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The venue's update stream: the outbox queued under the venue lock, the stream faults (malformed,
 * duplicate, disconnect) and the push to the attached sink after the lock is released. Split from
 * {@link SimulatedVenue} because delivery ordering is its own concern; see that class for the rules.
 * Every method but {@link #attach} and {@link #deliver} runs under the venue lock.
 */
final class VenueUpdateStream {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenue.class);

    private final String venueName;
    private final VenueFaults faults;
    private final VenueFaultGate gate;
    private final ReentrantLock lock;
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private final Deque<VenueUpdate> outbox = new ArrayDeque<>();
    private volatile BrokerUpdates updates;
    private boolean streamConnected = true;
    private long reconnectAtStep = -1;
    private long droppedUpdates;

    VenueUpdateStream(String venueName, VenueFaults faults, VenueFaultGate gate, ReentrantLock lock) {
        this.venueName = venueName;
        this.faults = faults;
        this.gate = gate;
        this.lock = lock;
    }

    void attach(BrokerUpdates updates) {
        this.updates = requireNonNull(updates, "updates is null");
    }

    boolean connected() {
        return streamConnected;
    }

    long droppedUpdates() {
        return droppedUpdates;
    }

    /** Pushes the order's current snapshot, then a held-back acknowledgement, now stale, if any. */
    void emitOrder(VenueOrder order) {
        emit(new VenueUpdate.OrderUpdate(order.snapshot()));
        if (order.heldAcknowledgement.isPresent()) {
            emit(new VenueUpdate.OrderUpdate(order.heldAcknowledgement.get()));
            order.heldAcknowledgement = Optional.empty();
        }
    }

    void emit(VenueUpdate update) {
        if (!streamConnected) {
            droppedUpdates++;
            return;
        }
        FaultProbabilities chance = faults.probabilities();
        if (faults.takeMalformed() || gate.draw(chance.malformedUpdate())) {
            outbox.add(MalformedPayloads.of(update));
            return;
        }
        outbox.add(update);
        if (faults.takeDuplicate() || gate.draw(chance.duplicateUpdate())) {
            outbox.add(update);
        }
    }

    /** Once per step: a due reconnect happens, else the stream may drop at random. */
    void updateStream(long steps) {
        if (!streamConnected) {
            if (reconnectAtStep == steps) {
                reconnect();
            }
        } else if (gate.draw(faults.probabilities().streamDisconnect())) {
            streamConnected = false;
            reconnectAtStep = steps + faults.probabilities().disconnectSteps();
        }
    }

    void disconnect() {
        streamConnected = false;
        reconnectAtStep = -1;
    }

    void reconnect() {
        if (!streamConnected) {
            streamConnected = true;
            reconnectAtStep = -1;
            outbox.add(new VenueUpdate.Reconnected());
        }
    }

    /**
     * Pushes queued updates in order, never while this thread holds the venue lock and never nested
     * inside a push on this thread. Never waits for another pusher: if one is busy, it pushes ours too
     * (after unlocking it looks again, so an update queued meanwhile is not left behind).
     */
    void deliver() {
        BrokerUpdates sink = updates;
        if (sink == null || lock.isHeldByCurrentThread() || deliveryLock.isHeldByCurrentThread()) {
            return;
        }
        do {
            if (!deliveryLock.tryLock()) {
                return;
            }
            try {
                VenueUpdate next;
                while ((next = nextUpdate()) != null) {
                    try {
                        next.deliverTo(venueName, sink);
                    } catch (RuntimeException e) {
                        LOG.error("The broker updates sink failed on {}; the update is lost to the stream", next, e);
                    }
                }
            } finally {
                deliveryLock.unlock();
            }
        } while (hasQueuedUpdates());
    }

    private boolean hasQueuedUpdates() {
        lock.lock();
        try {
            return !outbox.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private VenueUpdate nextUpdate() {
        lock.lock();
        try {
            return outbox.poll();
        } finally {
            lock.unlock();
        }
    }
}
