package io.openoms.app.http;

import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Waits for the engine's answers and maps its failures to HTTP. The mapping (also in {@code
 * docs/api.md}): invalid request 400, unknown order 404, not cancellable or modifiable, modification
 * budget spent, orders held behind an unknown outcome and an external fill for a venue that reports its
 * own fills 409, a fill the order cannot take 422, broker rate limit 429 (with {@code
 * Retry-After}), engine busy or stopped and journal unavailable 503 (busy with {@code Retry-After}:
 * the whole server is overloaded, not this client), a bug 500.
 */
final class EngineCalls {
    /** How long a request waits for the engine; beyond it the outcome is unknown and the answer 503. */
    static final long TIMEOUT_SECONDS = 10;

    private EngineCalls() {}

    static <T> T await(CompletableFuture<T> future) {
        return await(
                future,
                failure -> new ApiException(
                        503, "ENGINE_UNAVAILABLE", "the engine could not take the command: " + failure.getMessage()));
    }

    /** As {@link #await(CompletableFuture)}, with {@code failed} saying what a failed future answers. */
    static <T> T await(CompletableFuture<T> future, Function<Throwable, ApiException> failed) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(
                    503,
                    "ENGINE_TIMEOUT",
                    "the engine did not answer within " + TIMEOUT_SECONDS + " s; the outcome is unknown: read the"
                            + " order, or retry a submit with the same clientOrderId",
                    Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "ENGINE_UNAVAILABLE", "interrupted while waiting for the engine");
        } catch (ExecutionException e) {
            throw failed.apply(e.getCause());
        }
    }

    static ApiException failure(OrderCommandResult.Failed failed) {
        return failure(failed.code(), failed.message(), failed.fields());
    }

    /** A failure that names no request field: cancel-all, limits, trading state. */
    static ApiException failure(FailureCode code, String message) {
        return failure(code, message, Map.of());
    }

    private static ApiException failure(FailureCode code, String message, Map<String, String> fields) {
        return switch (code) {
            case VALIDATION_INVALID_REQUEST -> new ApiException(
                    400,
                    "VALIDATION_FAILED",
                    message,
                    fields.isEmpty() ? Map.of() : Map.<String, Object>of("fields", fields));
            case BROKER_NOT_ROUTABLE -> new ApiException(400, code.name(), message);
            case VALIDATION_ORDER_NOT_FOUND -> new ApiException(404, "NOT_FOUND", message);
            case VALIDATION_CLIENT_ORDER_ID_CONFLICT -> new ApiException(409, "CLIENT_ORDER_ID_CONFLICT", message);
            case VALIDATION_ORDER_NOT_CANCELLABLE,
                    VALIDATION_ORDER_NOT_MODIFIABLE,
                    BROKER_MODIFICATION_BUDGET_SPENT,
                    BROKER_OUTCOME_UNKNOWN_HOLD,
                    VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED -> new ApiException(409, code.name(), message);
            case VALIDATION_FILL_REFUSED -> new ApiException(422, code.name(), message);
            case BROKER_RATE_LIMITED -> new ApiException(429, code.name(), message, Map.of("retryAfterSeconds", 1));
            case ENGINE_BUSY -> new ApiException(503, code.name(), message, Map.of("retryAfterSeconds", 1));
            case ENGINE_STOPPED, JOURNAL_UNAVAILABLE -> new ApiException(503, code.name(), message);
            case INTERNAL_ERROR -> new ApiException(500, code.name(), message);
        };
    }
}
