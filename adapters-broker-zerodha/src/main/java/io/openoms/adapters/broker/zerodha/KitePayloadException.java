package io.openoms.adapters.broker.zerodha;

/** A Kite payload could not be translated; the message says what was wrong and carries no secret. */
final class KitePayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    KitePayloadException(String message) {
        super(message);
    }
}
