package io.openoms.app.cli.client;

/**
 * How a client command ends, as its exit code. Scripts rely on these numbers (documented in {@code
 * docs/api.md}); add codes, never renumber.
 */
enum ClientExitCode {
    /** The server did what was asked. */
    OK(0),
    /** The server failed (a 500, an answer that is not the API's) or the command could not run. */
    FAILED(1),
    /** Bad options or values, found before anything was sent. */
    USAGE(2),
    /** No connection to the server. */
    UNREACHABLE(3),
    /** 401 or 403: no valid API key, or a key without the role. */
    NOT_AUTHORIZED(4),
    /** The server refused the request: 400, 404, 409, 413, or some orders of a cancel-all refused. */
    REFUSED(5),
    /**
     * 422: a pre-trade risk check rejected the order (it is stored as {@code REJECTED}) or refused a
     * modification (the order is unchanged).
     */
    REJECTED(6),
    /** 429 or 503, or no answer in time: try again later (after a timeout, check the outcome first). */
    UNAVAILABLE(7);

    private final int code;

    ClientExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
