package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRejected;
import io.openoms.domain.order.OrderEvent.OrderCancelRequested;
import io.openoms.domain.order.OrderEvent.OrderCancelled;
import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.order.OrderEvent.OrderErrored;
import io.openoms.domain.order.OrderEvent.OrderExpired;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.order.OrderEvent.OrderReleased;
import io.openoms.domain.order.OrderEvent.OrderSubmitted;
import io.openoms.domain.order.OrderEventType;
import io.openoms.domain.order.OrderLock;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderEventCodecTest {
    private static final ClientOrderId ID = ClientOrderId.of("O-1");
    private static final Instant AT = Instant.parse("2025-01-06T04:00:00.123456789Z");

    static List<OrderEvent> oneOfEach() {
        OrderRequest request = OrderRequest.builder()
                .account("ACC1")
                .strategy("breakout")
                .instrument("NSE:INFY")
                .sell()
                .type(OrderType.STOP_LIMIT)
                .quantity(Quantity.of("10.5"))
                .limitPrice("1500.05")
                .triggerPrice("1499.95")
                .expiresIn(Duration.ofMinutes(30))
                .tag("tag-1")
                .parentOrderId(ClientOrderId.of("P-1"))
                .reduceOnly(true)
                .stopLoss("1480")
                .takeProfit("1560.123456789012345678901234567891")
                .build();
        Fill fill = new Fill(
                TradeId.of("TR-9"),
                Quantity.of("3"),
                Price.of("1500.0000000000000000000000000001"),
                Money.of("0.03"),
                AT,
                Optional.of(LiquiditySide.TAKER));
        return List.of(
                new OrderCreated(ID, 1, AT, request, Optional.of(AT.plusSeconds(1800))),
                new OrderReleased(ID, 2, AT),
                new OrderSubmitted(ID, 3, AT),
                new OrderAccepted(ID, 4, AT, BrokerOrderId.of("250106000000001")),
                new OrderRejected(ID, 5, AT, Rejection.byRisk("maxOrderQuantity", "above 5")),
                new OrderRejected(ID, 5, AT, Rejection.byBroker("margin")),
                new OrderFilled(ID, 6, AT, fill),
                new OrderFilled(ID, 6, AT, Fill.of("TR-10", 1, "1", "0", AT)),
                new OrderCancelRequested(ID, 7, AT),
                new OrderCancelled(ID, 8, AT),
                new OrderCancelRejected(ID, 9, AT, "too late"),
                new OrderModifyRequested(ID, 10, AT, OrderModification.quantity(Quantity.of(20))),
                new OrderModified(
                        ID,
                        11,
                        AT,
                        new OrderModification(
                                Optional.of(Quantity.of(12)),
                                Optional.of(Price.of("1501")),
                                Optional.of(Price.of("1500.5")))),
                new OrderModifyRejected(ID, 12, AT, "not allowed"),
                new OrderExpired(ID, 13, AT),
                new OrderErrored(ID, 14, AT, "lost track"),
                new OrderLocked(ID, 15, AT, OrderLock.MODIFY, AT.plusSeconds(5)),
                new OrderOutcomeUnknown(ID, 16, AT, UnknownOperation.CANCEL, "read timeout"));
    }

    @Test
    void every_event_type_round_trips_exactly() {
        List<OrderEvent> events = oneOfEach();
        assertThat(events.stream().map(OrderEvent::eventType).distinct())
                .containsExactlyInAnyOrder(OrderEventType.values());
        for (OrderEvent event : events) {
            String payload = OrderEventCodec.encode(event);
            assertThat(OrderEventCodec.decode(event.orderId(), event.sequence(), event.type(), payload))
                    .as(payload)
                    .isEqualTo(event);
        }
    }

    @Test
    void the_stored_form_is_fixed_field_by_field() {
        // Stored events are a contract (docs/adr/0002): these texts must keep decoding forever.
        assertThat(OrderEventCodec.encode(oneOfEach().get(6)))
                .isEqualTo("{\"occurredAt\":\"2025-01-06T04:00:00.123456789Z\",\"fill\":{\"tradeId\":\"TR-9\","
                        + "\"quantity\":\"3\",\"price\":\"1500.0000000000000000000000000001\",\"fee\":\"0.03\","
                        + "\"executedAt\":\"2025-01-06T04:00:00.123456789Z\",\"liquidity\":\"TAKER\"}}");
        assertThat(OrderEventCodec.encode(oneOfEach().get(4)))
                .isEqualTo("{\"occurredAt\":\"2025-01-06T04:00:00.123456789Z\",\"source\":\"RISK\","
                        + "\"check\":\"maxOrderQuantity\",\"reason\":\"above 5\"}");
        assertThat(OrderEventCodec.decode(
                        ID,
                        4,
                        "OrderAccepted",
                        "{\"occurredAt\":\"2025-01-06T04:00:00Z\",\"brokerOrderId\":\"250106000000001\"}"))
                .isEqualTo(new OrderAccepted(
                        ID, 4, Instant.parse("2025-01-06T04:00:00Z"), BrokerOrderId.of("250106000000001")));
    }

    @Test
    void decimals_are_stored_as_exact_strings() {
        String payload = OrderEventCodec.encode(oneOfEach().get(0));
        assertThat(payload)
                .contains("\"quantity\":\"10.5\"")
                .contains("\"takeProfit\":\"1560.123456789012345678901234567891\"")
                .contains("\"expiresIn\":\"PT30M\"");
    }

    @Test
    void an_unknown_type_or_a_missing_field_is_a_clear_error() {
        assertThatThrownBy(() -> OrderEventCodec.decode(ID, 2, "OrderTeleported", "{\"occurredAt\":\"" + AT + "\"}"))
                .hasMessageContaining("OrderTeleported")
                .hasMessageContaining("O-1#2");
        assertThatThrownBy(
                        () -> OrderEventCodec.decode(ID, 9, "OrderCancelRejected", "{\"occurredAt\":\"" + AT + "\"}"))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> OrderEventCodec.decode(ID, 9, "OrderCancelled", "not json"))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void every_event_type_has_a_decoder() {
        Arrays.stream(OrderEventType.values()).forEach(type -> assertThat(oneOfEach())
                .anySatisfy(e -> assertThat(e.eventType()).isEqualTo(type)));
    }
}
