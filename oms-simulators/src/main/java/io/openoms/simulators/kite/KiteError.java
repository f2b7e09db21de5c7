package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

/**
 * An error as Kite answers it: the HTTP status and the envelope {@code {"status":"error","message":…,
 * "error_type":…}}. When {@code html} is set the body is an HTML page instead, as a proxy in front of
 * the API answers a 502 or 504.
 */
public record KiteError(int httpStatus, String errorType, String message, boolean html) {
    public KiteError {
        requireNonNull(errorType, "errorType is null");
        requireNonNull(message, "message is null");
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("an error has an HTTP status of 400-599, got " + httpStatus);
        }
        if (errorType.isBlank()) {
            throw new IllegalArgumentException("errorType is blank");
        }
    }

    public static KiteError of(int httpStatus, String errorType, String message) {
        return new KiteError(httpStatus, errorType, message, false);
    }

    /** HTTP 400 {@code InputException}: missing or invalid parameters. */
    public static KiteError input(String message) {
        return of(400, "InputException", message);
    }

    /** HTTP 400 {@code OrderException}: the order could not be placed, modified or cancelled. */
    public static KiteError order(String message) {
        return of(400, "OrderException", message);
    }

    /** HTTP 400 {@code MarginException}: insufficient funds. */
    public static KiteError margin(String message) {
        return of(400, "MarginException", message);
    }

    /** HTTP 403 {@code TokenException}: the session is gone, log in again. */
    public static KiteError token() {
        return of(403, "TokenException", "Incorrect `api_key` or `access_token`.");
    }

    /** HTTP 429 {@code NetworkException} "Too many requests": rate limited. */
    public static KiteError tooManyRequests() {
        return of(429, "NetworkException", "Too many requests");
    }

    /** HTTP 500 {@code GeneralException}. */
    public static KiteError general(String message) {
        return of(500, "GeneralException", message);
    }

    /** HTTP 502 {@code NetworkException}: the API could not reach the OMS. */
    public static KiteError badGateway() {
        return of(502, "NetworkException", "Gateway timed out while contacting the OMS");
    }

    /** HTTP 503 {@code NetworkException}: the API is down. */
    public static KiteError unavailable() {
        return of(503, "NetworkException", "Service unavailable");
    }

    /** HTTP 504 {@code NetworkException}: gateway timeout. */
    public static KiteError gatewayTimeout() {
        return of(504, "NetworkException", "Gateway timeout");
    }

    /** An HTML page with {@code httpStatus}, as a proxy answers; not JSON. */
    public static KiteError htmlPage(int httpStatus) {
        return new KiteError(httpStatus, "DataException", "<html><body>" + httpStatus + "</body></html>", true);
    }
}
