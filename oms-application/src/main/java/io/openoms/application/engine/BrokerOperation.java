package io.openoms.application.engine;

/** The broker requests the engine sends. */
enum BrokerOperation {
    PLACE,
    MODIFY,
    CANCEL
}
