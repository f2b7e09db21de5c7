package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.FailureCode;

/** A command whose result is not an {@code OrderCommandResult} was not applied: the engine was busy or stopped. */
public final class EngineUnavailableException extends RuntimeException {
    private final FailureCode code;

    public EngineUnavailableException(FailureCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public FailureCode code() {
        return code;
    }
}
