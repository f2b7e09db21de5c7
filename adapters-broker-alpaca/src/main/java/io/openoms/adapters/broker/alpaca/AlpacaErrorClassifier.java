package io.openoms.adapters.broker.alpaca;

import io.openoms.domain.port.out.BrokerResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns Alpaca's answers into what the caller may do next.
 *
 * <table>
 *   <caption>Alpaca answer → result</caption>
 *   <tr><th>Alpaca says</th><th>result</th></tr>
 *   <tr><td>HTTP 429</td><td>{@code RateLimited} (Retry-After if sent)</td></tr>
 *   <tr><td>HTTP 401 (keys refused)</td><td>{@code SessionExpired}</td></tr>
 *   <tr><td>HTTP 403 (buying power, shares, forbidden), 404, 422 and other 4xx</td><td>{@code Rejected}</td></tr>
 *   <tr><td>HTTP 408, 5xx, any other status</td><td>{@code OutcomeUnknown}</td></tr>
 *   <tr><td>any I/O failure (timeouts, resets, refused connections), an unreadable 2xx body</td>
 *       <td>{@code OutcomeUnknown}</td></tr>
 * </table>
 *
 * <p>An I/O failure is never treated as "not sent": the order is looked up by its
 * {@code client_order_id}, which costs one query, while a wrong guess could double an order.
 */
final class AlpacaErrorClassifier {
    private AlpacaErrorClassifier() {}

    static <T> BrokerResult<T> classify(
            int httpStatus, Optional<String> code, Optional<String> message, Optional<Duration> retryAfter) {
        String reason = "Alpaca HTTP " + httpStatus
                + code.map(c -> " code " + c).orElse("") + ": " + message.orElse("no message");
        if (httpStatus == 429) {
            return BrokerResult.rateLimited(retryAfter, reason);
        }
        if (httpStatus == 401) {
            return BrokerResult.sessionExpired(reason + " (the API keys were refused)");
        }
        if (httpStatus >= 400 && httpStatus < 500 && httpStatus != 408) {
            return BrokerResult.rejected(reason);
        }
        return BrokerResult.outcomeUnknown(reason);
    }

    static <T> BrokerResult<T> ioFailure(IOException failure) {
        String what = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + AlpacaJson.abbreviate(failure.getMessage()));
        String hint = probablyNotSent(failure)
                ? "probably not sent (no connection), but not assumed"
                : "it may have reached Alpaca";
        return BrokerResult.outcomeUnknown("no answer from Alpaca (" + what + "); " + hint);
    }

    static <T> BrokerResult<T> unparseable(int httpStatus, String problem) {
        return BrokerResult.outcomeUnknown("Alpaca HTTP " + httpStatus + " reply could not be read: " + problem);
    }

    private static boolean probablyNotSent(IOException failure) {
        return failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException
                || failure instanceof SSLHandshakeException;
    }
}
