package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request answered with an error: the HTTP status and the body {@code {code, message, details}}.
 * Thrown by handlers and turned into the response by {@link ApiAccessRoutes}; carries no stack trace,
 * it is an answer, not a failure.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;

    ApiException(int status, String code, String message, Map<String, ?> details) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.status = status;
        this.code = requireNonNull(code, "code is null");
        this.details = new LinkedHashMap<>(requireNonNull(details, "details is null"));
    }

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    static ApiException invalidFields(Map<String, String> fields) {
        return new ApiException(
                400,
                "VALIDATION_FAILED",
                "the request has invalid fields: " + String.join(", ", fields.keySet()),
                Map.of("fields", new LinkedHashMap<>(fields)));
    }

    static ApiException invalidField(String field, String problem) {
        return invalidFields(Map.of(field, problem));
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, Object> details() {
        return details;
    }
}
