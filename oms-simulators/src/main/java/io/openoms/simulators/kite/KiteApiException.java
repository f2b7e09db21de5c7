package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

/** A request ends in a Kite error envelope. */
final class KiteApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient KiteError error;

    KiteApiException(KiteError error) {
        super(error.message());
        this.error = requireNonNull(error, "error is null");
    }

    KiteError error() {
        return error;
    }
}
