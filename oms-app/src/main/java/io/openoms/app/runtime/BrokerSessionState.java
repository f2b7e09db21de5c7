package io.openoms.app.runtime;

/** Whether a broker session can carry orders and updates now. */
public enum BrokerSessionState {
    /** Not opened yet, or closed. */
    CLOSED,
    /** Orders can be sent and updates arrive. */
    CONNECTED,
    /** Opened, but the update stream is down; the adapter is reconnecting. */
    DISCONNECTED
}
