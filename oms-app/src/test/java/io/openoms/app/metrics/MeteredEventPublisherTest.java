package io.openoms.app.metrics;

import static io.openoms.app.metrics.OrderLifecycles.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredEventPublisherTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<List<OmsEvent>> delivered = new ArrayList<>();
    private final MeteredEventPublisher publisher =
            new MeteredEventPublisher(delivered::add, registry, List.of("TRADING_STATE", "MAX_ORDER_QUANTITY"));
    private final OrderLifecycles orders = new OrderLifecycles();

    @Test
    void a_filled_order_counts_each_fill_and_one_terminal_filled_order() {
        ClientOrderId id = orders.accepted(10);

        publisher.publish(orders.fill(id, "T1", 4));
        publisher.publish(orders.fill(id, "T2", 6));

        assertThat(count("oms.fills")).isEqualTo(2);
        assertThat(terminal("FILLED")).isEqualTo(1);
        assertThat(terminal("CANCELLED")).isZero();
    }

    @Test
    void a_late_fill_on_a_cancelled_order_is_a_fill_and_not_a_second_terminal_order() {
        ClientOrderId id = orders.accepted(10);

        publisher.publish(orders.cancel(id));
        publisher.publish(orders.fill(id, "T1", 3));

        assertThat(terminal("CANCELLED")).isEqualTo(1);
        assertThat(terminal("FILLED")).isZero();
        assertThat(count("oms.fills")).isEqualTo(1);
    }

    @Test
    void rejections_are_counted_by_source_and_check_and_each_rejected_order_once_as_terminal() {
        publisher.publish(orders.rejectByRisk(orders.created(10), "MAX_ORDER_QUANTITY"));
        publisher.publish(orders.rejectByRisk(orders.created(10), "AUTHOR_CHECK"));
        publisher.publish(orders.rejectByBroker(orders.released(10)));

        assertThat(rejections("RISK", "MAX_ORDER_QUANTITY")).isEqualTo(1);
        assertThat(rejections("RISK", "AUTHOR_CHECK")).isEqualTo(1);
        assertThat(rejections("BROKER", "none")).isEqualTo(1);
        assertThat(rejections("RISK", "TRADING_STATE")).isZero();
        assertThat(terminal("REJECTED")).isEqualTo(3);
    }

    @Test
    void expired_and_errored_orders_are_terminal_under_their_own_status() {
        publisher.publish(orders.expire(orders.accepted(5)));
        publisher.publish(orders.error(orders.accepted(5)));

        assertThat(terminal("EXPIRED")).isEqualTo(1);
        assertThat(terminal("ERROR")).isEqualTo(1);
    }

    @Test
    void every_series_an_operator_alerts_on_exists_at_zero_before_anything_happens() {
        assertThat(count("oms.fills")).isZero();
        assertThat(terminal("FILLED")).isZero();
        assertThat(rejections("RISK", "TRADING_STATE")).isZero();
        assertThat(rejections("SYSTEM", "none")).isZero();
        for (FindingKind kind : FindingKind.values()) {
            assertThat(registry.get("oms.reconciliation.findings")
                            .tag("kind", kind.name())
                            .counter()
                            .count())
                    .isZero();
        }
    }

    @Test
    void reconciliation_findings_are_counted_by_kind_and_alerts_by_source() {
        publisher.publish(List.of(
                new OmsEvent.ReconciliationFound(finding(FindingKind.MISSING_FILL)),
                new OmsEvent.ReconciliationFound(finding(FindingKind.MISSING_FILL)),
                new OmsEvent.ReconciliationFound(finding(FindingKind.PHANTOM_POSITION)),
                new OmsEvent.Alert("reconciliation", "cancel it at the broker", Optional.empty())));

        assertThat(findings(FindingKind.MISSING_FILL)).isEqualTo(2);
        assertThat(findings(FindingKind.PHANTOM_POSITION)).isEqualTo(1);
        assertThat(findings(FindingKind.UNKNOWN_ORDER)).isZero();
        assertThat(registry.get("oms.alerts")
                        .tag("source", "reconciliation")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void events_are_handed_on_unchanged_even_when_counting_them_fails() {
        SimpleMeterRegistry failing = new SimpleMeterRegistry();
        failing.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals("oms.alerts")) {
                    throw new IllegalStateException("no room for another meter");
                }
                return id;
            }
        });
        MeteredEventPublisher measured = new MeteredEventPublisher(delivered::add, failing, List.of());
        List<OmsEvent> events = List.of(new OmsEvent.Alert("engine", "fill refused", Optional.empty()));

        measured.publish(events);

        assertThat(delivered).singleElement().isSameAs(events);
    }

    private double count(String name) {
        return registry.get(name).counter().count();
    }

    private double terminal(String status) {
        return registry.get("oms.orders.terminal")
                .tag("status", status)
                .counter()
                .count();
    }

    private double rejections(String source, String check) {
        return registry.get("oms.rejections")
                .tag("source", source)
                .tag("check", check)
                .counter()
                .count();
    }

    private double findings(FindingKind kind) {
        return registry.get("oms.reconciliation.findings")
                .tag("kind", kind.name())
                .counter()
                .count();
    }

    private static ReconciliationFinding finding(FindingKind kind) {
        return new ReconciliationFinding("run-1", AccountId.of("ACC-1"), kind, "O-1", "10", "8", "alert only", NOW);
    }
}
