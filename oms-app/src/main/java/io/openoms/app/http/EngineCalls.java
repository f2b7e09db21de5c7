package io.openoms.app.http;

import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern FIELD_PREFIX = Pattern.compile("^([A-Za-z]+): (.*)$", Pattern.DOTALL);

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
        FailureCode code = failed.code();
        String message = failed.message();
        return switch (code) {
            case VALIDATION_INVALID_REQUEST -> {
                Matcher field = FIELD_PREFIX.matcher(message);
                Map<String, Object> details = new LinkedHashMap<>();
                if (field.matches()) {
                    details.put("fields", Map.of(field.group(1), field.group(2)));
                }
                yield new ApiException(400, "VALIDATION_FAILED", message, details);
            }
            case BROKER_NOT_ROUTABLE -> new ApiException(400, code.name(), message);
            case VALIDATION_ORDER_NOT_FOUND -> new ApiException(404, "NOT_FOUND", message);
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
