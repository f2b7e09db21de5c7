package io.openoms.adapters.broker.zerodha;

/** Exchanging a request token failed; the message names why and never carries a secret. */
public final class KiteLoginException extends Exception {
    private static final long serialVersionUID = 1L;

    public KiteLoginException(String message) {
        super(message);
    }

    public KiteLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
