package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EngineCallsTest {
    @Test
    void every_engine_failure_has_an_http_status() {
        Map<FailureCode, Integer> expected = Map.ofEntries(
                Map.entry(FailureCode.VALIDATION_INVALID_REQUEST, 400),
                Map.entry(FailureCode.BROKER_NOT_ROUTABLE, 400),
                Map.entry(FailureCode.VALIDATION_ORDER_NOT_FOUND, 404),
                Map.entry(FailureCode.VALIDATION_ORDER_NOT_CANCELLABLE, 409),
                Map.entry(FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE, 409),
                Map.entry(FailureCode.VALIDATION_CLIENT_ORDER_ID_CONFLICT, 409),
                Map.entry(FailureCode.BROKER_MODIFICATION_BUDGET_SPENT, 409),
                Map.entry(FailureCode.BROKER_OUTCOME_UNKNOWN_HOLD, 409),
                Map.entry(FailureCode.VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED, 409),
                Map.entry(FailureCode.VALIDATION_FILL_REFUSED, 422),
                Map.entry(FailureCode.BROKER_RATE_LIMITED, 429),
                Map.entry(FailureCode.ENGINE_BUSY, 503),
                Map.entry(FailureCode.ENGINE_STOPPED, 503),
                Map.entry(FailureCode.JOURNAL_UNAVAILABLE, 503),
                Map.entry(FailureCode.INTERNAL_ERROR, 500));
        assertThat(expected).hasSize(FailureCode.values().length);
        expected.forEach((code, status) -> assertThat(EngineCalls.failure(new OrderCommandResult.Failed(code, "m"))
                        .status())
                .as(code.name())
                .isEqualTo(status));
    }

    @Test
    void busy_and_rate_limited_answers_say_when_to_retry_and_invalid_requests_name_the_field() {
        assertThat(EngineCalls.failure(new OrderCommandResult.Failed(FailureCode.ENGINE_BUSY, "full"))
                        .details())
                .containsEntry("retryAfterSeconds", 1);
        assertThat(EngineCalls.failure(new OrderCommandResult.Failed(FailureCode.BROKER_RATE_LIMITED, "x"))
                        .details())
                .containsEntry("retryAfterSeconds", 1);
        assertThat(EngineCalls.failure(OrderCommandResult.Failed.invalidField("account", "X is not configured"))
                        .details())
                .containsEntry("fields", Map.of("account", "X is not configured"));
    }

    @Test
    void the_fields_at_fault_come_from_the_result_never_from_parsing_its_message() {
        ApiException answer = EngineCalls.failure(
                new OrderCommandResult.Failed(FailureCode.VALIDATION_INVALID_REQUEST, "note: looks like a field"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.details()).doesNotContainKey("fields");
    }

    @Test
    void cancel_all_limits_and_trading_state_failures_keep_their_code() {
        ApiException busy = EngineCalls.failure(FailureCode.ENGINE_BUSY, "full");
        ApiException journal = EngineCalls.failure(FailureCode.JOURNAL_UNAVAILABLE, "db down");

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("ENGINE_BUSY");
        assertThat(busy.details()).containsEntry("retryAfterSeconds", 1);
        assertThat(journal.code()).isEqualTo("JOURNAL_UNAVAILABLE");
    }

    @Test
    void a_failed_engine_future_is_503() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("stopped"));

        assertThatThrownBy(() -> EngineCalls.await(failed))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void a_signal_reason_becomes_a_valid_short_tag() {
        assertThat(io.openoms.application.intake.SignalParser.signalTag("RSI crossed 30 on 5m"))
                .isEqualTo("sig-RSI-crossed-30-on-5m");
        assertThat(io.openoms.application.intake.SignalParser.signalTag("  ünïcode / spaces!! "))
                .matches("[A-Za-z0-9_.:-]{1,64}");
        assertThat(io.openoms.application.intake.SignalParser.signalTag("x".repeat(200)))
                .hasSize(64);
    }
}
