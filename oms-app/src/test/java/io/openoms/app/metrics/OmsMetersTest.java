package io.openoms.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
import io.openoms.domain.risk.RiskCheckOutcome;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskDecision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The names Prometheus sees, which dashboards, alerts and {@code docs/operations.md} rely on. */
class OmsMetersTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OmsMeters meters = new OmsMeters(registry);

    @Test
    void latencies_are_prometheus_histograms_in_seconds_with_a_bounded_set_of_buckets() {
        meters.engineObserver()
                .riskChecked(
                        new RiskDecision(List.of(new RiskCheckOutcome("TRADING_STATE", RiskCheckResult.pass()))),
                        4_000);

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("# TYPE oms_risk_check_seconds histogram")
                .contains("oms_risk_check_seconds_bucket{result=\"passed\",le=\"5.0E-6\"} 1")
                .contains("oms_risk_check_seconds_count{result=\"passed\"} 1");
        assertThat(scrape.lines().filter(line -> line.startsWith("oms_risk_check_seconds_bucket{result=\"passed\"")))
                .hasSize(Buckets.COMPUTATION.length + 1);
    }

    @Test
    void counters_end_in_total_and_summaries_name_their_unit() {
        meters.events(events -> {}, List.of("MAX_ORDER_QUANTITY"));
        meters.rateLimits(new Unlimited(), List.of("mock"));
        meters.journal(new NoJournal()).append(new JournalBatch(List.of(), List.of(), List.of()));

        assertThat(registry.scrape())
                .contains("oms_fills_total 0")
                .contains("oms_orders_terminal_total{status=\"FILLED\"} 0")
                .contains("oms_rejections_total{check=\"MAX_ORDER_QUANTITY\",source=\"RISK\"} 0")
                .contains("oms_reconciliation_findings_total{kind=\"MISSING_FILL\"} 0")
                .contains("oms_rate_limit_refusals_total{broker=\"mock\",family=\"ORDERS\"} 0")
                .contains("oms_rate_limit_wait_seconds_count{broker=\"mock\",family=\"ORDERS\"} 0")
                .contains("oms_journal_batch_events_count 1")
                .contains("oms_journal_commit_seconds_count 1")
                .contains("oms_journal_failures_total 0");
    }

    private static final class Unlimited implements RateLimitGuard {
        @Override
        public RateLimitDecision acquire(
                String broker, EndpointFamily family, RequestPriority priority, Duration maxWait) {
            return new RateLimitDecision.Granted(Duration.ZERO);
        }

        @Override
        public void penalize(String broker, EndpointFamily family, Duration backoff) {}

        @Override
        public Map<String, Map<EndpointFamily, RateLimitUsage>> usage() {
            return Map.of();
        }
    }

    private static final class NoJournal implements Journal {
        @Override
        public CompletableFuture<Void> append(JournalBatch batch) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public List<JournalRecord> eventsOf(ClientOrderId orderId) {
            return List.of();
        }

        @Override
        public List<JournalRecord> readAfter(long afterSequence, int limit) {
            return List.of();
        }
    }
}
