package io.openoms.adapters.broker.alpaca;

/** An Alpaca payload that does not have the documented shape; never applied. */
final class AlpacaPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    AlpacaPayloadException(String message) {
        super(message);
    }
}
