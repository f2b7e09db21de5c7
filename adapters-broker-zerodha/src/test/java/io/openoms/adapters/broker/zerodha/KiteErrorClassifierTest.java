package io.openoms.adapters.broker.zerodha;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.port.out.BrokerResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KiteErrorClassifierTest {
    @ParameterizedTest
    @CsvSource({
        "403, TokenException, SessionExpired",
        "403, PermissionException, Rejected",
        "400, InputException, Rejected",
        "500, OrderException, Rejected",
        "400, OrderException, Rejected",
        "400, MarginException, Rejected",
        "400, HoldingException, Rejected",
        "403, UserException, Rejected",
        "403, TwoFAException, Rejected",
        "429, NetworkException, RateLimited",
        "429, , RateLimited",
        "503, NetworkException, OutcomeUnknown",
        "502, DataException, OutcomeUnknown",
        "504, , OutcomeUnknown",
        "500, GeneralException, OutcomeUnknown",
        "400, GeneralException, Rejected",
        "428, , Rejected",
        "404, , Rejected",
        "408, , OutcomeUnknown",
        "400, SomeNewException, Rejected",
        "500, SomeNewException, OutcomeUnknown",
        "200, InputException, Rejected",
        "200, , OutcomeUnknown"
    })
    void each_error_type_and_status_has_one_meaning(int status, String type, String expected) {
        BrokerResult<Object> result = KiteErrorClassifier.classify(
                status, Optional.ofNullable(type), Optional.of("the message"), Optional.empty());

        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void a_rejection_keeps_kites_reason() {
        BrokerResult<Object> result = KiteErrorClassifier.classify(
                400,
                Optional.of("MarginException"),
                Optional.of("Insufficient funds. Required margin is 95417.84"),
                Optional.empty());

        assertThat(result).isInstanceOfSatisfying(BrokerResult.Rejected.class, rejected -> assertThat(rejected.reason())
                .contains("MarginException")
                .contains("Insufficient funds"));
    }

    @Test
    void a_rate_limit_keeps_the_retry_after_hint() {
        BrokerResult<Object> result = KiteErrorClassifier.classify(
                429,
                Optional.of("NetworkException"),
                Optional.of("Too many requests"),
                Optional.of(Duration.ofSeconds(2)));

        assertThat(result)
                .isEqualTo(BrokerResult.rateLimited(
                        Optional.of(Duration.ofSeconds(2)), "Kite HTTP 429 NetworkException: Too many requests"));
    }

    @Test
    void every_io_failure_is_an_unknown_outcome_even_a_refused_connection() {
        assertThat(KiteErrorClassifier.ioFailure(new SocketTimeoutException("timeout")))
                .isInstanceOf(BrokerResult.OutcomeUnknown.class);
        assertThat(KiteErrorClassifier.ioFailure(new IOException("unexpected end of stream")))
                .isInstanceOf(BrokerResult.OutcomeUnknown.class);
        assertThat(KiteErrorClassifier.ioFailure(new ConnectException("refused")))
                .isInstanceOfSatisfying(BrokerResult.OutcomeUnknown.class, unknown -> assertThat(unknown.reason())
                        .contains("probably not sent"));
    }
}
