package io.openoms.adapters.broker.zerodha;

import io.openoms.domain.port.out.BrokerResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns Kite's answers into what the caller may do next.
 *
 * <table>
 *   <caption>Kite error → result</caption>
 *   <tr><th>Kite says</th><th>result</th></tr>
 *   <tr><td>HTTP 429, any {@code error_type}</td><td>{@code RateLimited} (Retry-After if sent)</td></tr>
 *   <tr><td>{@code TokenException}</td><td>{@code SessionExpired}</td></tr>
 *   <tr><td>{@code InputException}, {@code OrderException}, {@code MarginException},
 *       {@code HoldingException}, {@code PermissionException}, {@code UserException},
 *       {@code TwoFAException}</td><td>{@code Rejected}</td></tr>
 *   <tr><td>{@code NetworkException}, {@code DataException}</td><td>{@code OutcomeUnknown}</td></tr>
 *   <tr><td>{@code GeneralException} or an unknown type: HTTP 5xx or 408</td><td>{@code OutcomeUnknown}</td></tr>
 *   <tr><td>{@code GeneralException} or an unknown type: other 4xx (428 included)</td><td>{@code Rejected}</td></tr>
 *   <tr><td>any I/O failure (timeouts, resets, refused connections), an unparseable body,
 *       an error envelope with HTTP 2xx</td><td>{@code OutcomeUnknown}</td></tr>
 * </table>
 *
 * <p>An I/O failure is never treated as "not sent", even a refused connection: the resolver finds
 * out by the tag, which costs one query, while a wrong guess could double an order.
 */
final class KiteErrorClassifier {
    static final Set<String> DEFINITIVE = Set.of(
            "InputException",
            "OrderException",
            "MarginException",
            "HoldingException",
            "PermissionException",
            "UserException",
            "TwoFAException");
    static final Set<String> AMBIGUOUS = Set.of("NetworkException", "DataException");
    static final String TOKEN_EXCEPTION = "TokenException";

    private KiteErrorClassifier() {}

    static <T> BrokerResult<T> classify(
            int httpStatus, Optional<String> errorType, Optional<String> message, Optional<Duration> retryAfter) {
        String type = errorType.orElse("no error_type");
        String reason = "Kite HTTP " + httpStatus + " " + type + ": " + message.orElse("no message");
        if (httpStatus == 429) {
            return BrokerResult.rateLimited(retryAfter, reason);
        }
        if (errorType.isPresent()) {
            if (TOKEN_EXCEPTION.equals(type)) {
                return BrokerResult.sessionExpired(reason);
            }
            if (DEFINITIVE.contains(type)) {
                return BrokerResult.rejected(reason);
            }
            if (AMBIGUOUS.contains(type)) {
                return BrokerResult.outcomeUnknown(reason);
            }
        }
        if (httpStatus >= 500 || httpStatus == 408 || httpStatus < 400) {
            return BrokerResult.outcomeUnknown(reason);
        }
        return BrokerResult.rejected(reason);
    }

    static <T> BrokerResult<T> ioFailure(IOException failure) {
        String what = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + KiteJson.abbreviate(failure.getMessage()));
        String hint = probablyNotSent(failure)
                ? "probably not sent (no connection), but not assumed"
                : "it may have reached Kite";
        return BrokerResult.outcomeUnknown("no answer from Kite (" + what + "); " + hint);
    }

    static <T> BrokerResult<T> unparseable(int httpStatus, String problem) {
        return BrokerResult.outcomeUnknown("Kite HTTP " + httpStatus + " reply could not be read: " + problem);
    }

    private static boolean probablyNotSent(IOException failure) {
        return failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException
                || failure instanceof SSLHandshakeException;
    }
}
