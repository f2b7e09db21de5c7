package io.openoms.app.cli.client;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A client command that cannot finish: the one line to print, the exit code, and the server's JSON
 * answer when there was one (printed on stdout with {@code --json}). An answer, not a bug: no stack
 * trace.
 */
final class ClientFailure extends RuntimeException {
    private final ClientExitCode exitCode;
    private final Optional<String> serverJson;

    ClientFailure(ClientExitCode exitCode, String message, Optional<String> serverJson) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.exitCode = requireNonNull(exitCode, "exitCode is null");
        this.serverJson = requireNonNull(serverJson, "serverJson is null");
    }

    ClientFailure(ClientExitCode exitCode, String message) {
        this(exitCode, message, Optional.empty());
    }

    static ClientFailure usage(String message) {
        return new ClientFailure(ClientExitCode.USAGE, message);
    }

    ClientExitCode exitCode() {
        return exitCode;
    }

    Optional<String> serverJson() {
        return serverJson;
    }
}
