package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.zerodha.KiteConnection;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.BrokerSessionState;
import io.openoms.domain.port.in.BrokerUpdates;
import java.util.Map;

/** The Zerodha adapter's {@link KiteConnection} as the runtime's broker session. Thread safety: as the connection's. */
final class ZerodhaBrokerSession implements BrokerSession {
    private final KiteConnection connection;

    ZerodhaBrokerSession(KiteConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    @Override
    public String name() {
        return connection.name();
    }

    @Override
    public void open(BrokerUpdates updates) {
        connection.open(updates);
    }

    @Override
    public BrokerSessionState state() {
        return switch (connection.status()) {
            case CLOSED -> BrokerSessionState.CLOSED;
            case CONNECTED -> BrokerSessionState.CONNECTED;
            case DISCONNECTED -> BrokerSessionState.DISCONNECTED;
        };
    }

    @Override
    public Map<String, Object> details() {
        return connection.details();
    }

    /** A newer login written by {@code oms zerodha session} while running; see {@link KiteConnection#reloadToken}. */
    void reloadToken() {
        connection.reloadToken();
    }

    @Override
    public void close() {
        connection.close();
    }
}
