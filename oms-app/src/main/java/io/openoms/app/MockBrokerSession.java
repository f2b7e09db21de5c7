package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.BrokerSessionState;
import io.openoms.domain.port.in.BrokerUpdates;

/** The simulated venue's session: its stream is in-process, so opening it is attaching the core. */
final class MockBrokerSession implements BrokerSession {
    private final SimulatedVenue venue;
    private volatile boolean open;

    MockBrokerSession(SimulatedVenue venue) {
        this.venue = requireNonNull(venue, "venue is null");
    }

    @Override
    public String name() {
        return venue.name();
    }

    @Override
    public void open(BrokerUpdates updates) {
        venue.attach(updates);
        open = true;
    }

    @Override
    public BrokerSessionState state() {
        if (!open) {
            return BrokerSessionState.CLOSED;
        }
        return venue.streamConnected() ? BrokerSessionState.CONNECTED : BrokerSessionState.DISCONNECTED;
    }

    @Override
    public void close() {
        open = false;
    }
}
