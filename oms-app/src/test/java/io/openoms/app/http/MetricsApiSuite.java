package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@code /metrics} counts after real traffic over HTTP, on an app of its own (so every count is
 * this test's): a filled market order, a risk-rejected order and a cancelled limit order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetricsApiSuite {
    private ApiTestApp app;
    private ApiClient client;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        app = ApiTestApp.start(database(), "");
        client = app.client;
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_fill_a_risk_rejection_and_a_cancel_each_show_in_the_metrics_with_exact_counts() {
        String filled = post(
                "{\"instrument\":\"NSE:SBIN\",\"side\":\"BUY\",\"quantity\":\"2\",\"type\":\"MARKET\","
                        + "\"strategy\":\"metrics\"}",
                201);
        JsonNode filledOrder = client.awaitStatus(app.viewer, filled, "FILLED");
        String rejected = post(
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":20000,\"type\":\"LIMIT\","
                        + "\"price\":1500,\"strategy\":\"metrics\"}",
                422);
        String cancelled = post(
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\","
                        + "\"price\":1400,\"strategy\":\"metrics\"}",
                201);
        client.awaitStatus(app.viewer, cancelled, "ACCEPTED");
        Response cancel = client.delete(app.trader, "/api/v1/orders/" + cancelled);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        JsonNode cancelledOrder = client.awaitStatus(app.viewer, cancelled, "CANCELLED");
        Response reconciliation = client.post(app.admin, "/api/v1/reconciliation/run", null);
        assertThat(reconciliation.status()).as(reconciliation.toString()).isEqualTo(200);

        // Counted as they are published, just after the store shows them.
        PrometheusScrape metrics = awaitMetrics(m -> m.of("oms_orders_terminal_total", "status", "CANCELLED") >= 1
                && m.of("oms_orders_terminal_total", "status", "FILLED") >= 1);

        assertThat(metrics.hasType("oms_order_submit_seconds", "histogram")).isTrue();
        assertThat(metrics.of("oms_order_submit_seconds_count", "outcome", "accepted"))
                .isEqualTo(2);
        assertThat(metrics.of("oms_order_submit_seconds_count", "outcome", "rejected"))
                .isEqualTo(1);
        assertThat(metrics.of("oms_order_submit_seconds_count", "outcome", "failed"))
                .isZero();
        assertThat(metrics.of("oms_order_submit_seconds_bucket", "outcome", "accepted", "le", "+Inf"))
                .isEqualTo(2);
        assertThat(metrics.of("oms_order_cancel_seconds_count", "outcome", "accepted"))
                .isEqualTo(1);

        assertThat(metrics.hasType("oms_risk_check_seconds", "histogram")).isTrue();
        assertThat(metrics.of("oms_risk_check_seconds_count", "result", "passed"))
                .isEqualTo(2);
        assertThat(metrics.of("oms_risk_check_seconds_count", "result", "rejected"))
                .isEqualTo(1);

        assertThat(metrics.of("oms_orders_terminal_total", "status", "FILLED")).isEqualTo(1);
        assertThat(metrics.of("oms_orders_terminal_total", "status", "REJECTED"))
                .isEqualTo(1);
        assertThat(metrics.of("oms_orders_terminal_total", "status", "CANCELLED"))
                .isEqualTo(1);
        assertThat(metrics.of("oms_orders_terminal_total", "status", "EXPIRED")).isZero();
        assertThat(metrics.of("oms_rejections_total", "source", "RISK", "check", "MAX_ORDER_QUANTITY"))
                .isEqualTo(1);
        assertThat(metrics.of("oms_rejections_total", "source", "RISK", "check", "TRADING_STATE"))
                .isZero();
        assertThat(metrics.of("oms_rejections_total", "source", "BROKER", "check", "none"))
                .isZero();
        assertThat(metrics.of("oms_fills_total"))
                .isEqualTo(filledOrder.get("fills").size());

        assertThat(metrics.of("oms_broker_request_seconds_count", "broker", "mock", "operation", "place"))
                .isEqualTo(2);
        assertThat(metrics.of("oms_broker_request_seconds_count", "broker", "mock", "operation", "cancel"))
                .isEqualTo(1);
        assertThat(metrics.of("oms_broker_errors_total", "broker", "mock", "operation", "place", "kind", "rejected"))
                .isZero();
        assertThat(metrics.sum("oms_broker_errors_total")).isZero();

        assertThat(metrics.of("oms_rate_limit_wait_seconds_count", "broker", "mock", "family", "ORDERS"))
                .isEqualTo(2);
        assertThat(metrics.of("oms_rate_limit_wait_seconds_count", "broker", "mock", "family", "MODIFICATIONS"))
                .isEqualTo(1);
        assertThat(metrics.sum("oms_rate_limit_refusals_total")).isZero();
        assertThat(metrics.sum("oms_rate_limit_backoffs_total")).isZero();

        assertThat(metrics.of("oms_engine_queue_depth")).isGreaterThanOrEqualTo(0);
        long events = List.of(filled, rejected, cancelled).stream()
                .mapToLong(id -> client.get(app.viewer, "/api/v1/orders/" + id)
                        .json()
                        .get("events")
                        .size())
                .sum();
        assertThat(metrics.of("oms_journal_batch_events_sum")).isEqualTo(events);
        assertThat(metrics.of("oms_journal_commit_seconds_count")).isPositive();
        assertThat(metrics.of("oms_journal_failures_total")).isZero();

        assertThat(reconciliation.json().get("findings")).isEmpty();
        assertThat(metrics.of("oms_reconciliation_findings_total", "kind", "MISSING_FILL"))
                .isZero();
        assertThat(metrics.sum("oms_reconciliation_findings_total")).isZero();
        assertThat(cancelledOrder.get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void every_oms_metric_served_is_documented_in_the_operations_guide() throws IOException {
        Path guide = Path.of("..", "docs", "operations.md");
        String documented = Files.readString(Files.exists(guide) ? guide : Path.of("docs", "operations.md"));
        List<String> families = client.get(null, "/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith("# TYPE oms_"))
                .map(line -> line.split(" ")[2])
                .filter(name -> !name.endsWith("_max"))
                .toList();

        assertThat(families).contains("oms_order_submit_seconds", "oms_journal_commit_seconds");
        assertThat(families).allSatisfy(name -> assertThat(documented).contains("`" + name + "`"));
    }

    private String post(String body, int status) {
        Response created = client.post(app.trader, "/api/v1/orders", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(status);
        return created.json().get("id").asText();
    }

    private PrometheusScrape awaitMetrics(Predicate<PrometheusScrape> done) {
        long deadline = System.nanoTime() + ApiClient.AWAIT.toNanos();
        while (true) {
            Response response = client.get(null, "/metrics");
            assertThat(response.status()).isEqualTo(200);
            PrometheusScrape metrics = new PrometheusScrape(response.body());
            if (done.test(metrics)) {
                return metrics;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the metrics did not reach the expected counts:\n" + metrics.text());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
