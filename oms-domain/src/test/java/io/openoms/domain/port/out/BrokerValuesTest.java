package io.openoms.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerValuesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");
    private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

    private static BrokerOrder brokerOrder(long quantity, long filled, long cancelled) {
        return new BrokerOrder(
                BrokerOrderId.of("251120000000001"),
                Optional.of(ClientOrderId.of("O1")),
                Optional.of("O1"),
                INFY,
                Side.BUY,
                OrderType.LIMIT,
                Product.CNC,
                Quantity.of(quantity),
                Quantity.of(filled),
                Quantity.of(cancelled),
                Optional.of(Price.of("1500")),
                Optional.empty(),
                Optional.of(Price.of("1499.95")),
                OrderStatus.CANCELLED,
                "CANCELLED",
                Optional.empty(),
                NOW);
    }

    @Test
    void a_broker_order_derives_what_is_still_pending() {
        assertThat(brokerOrder(100, 40, 60).pendingQuantity()).isEqualTo(Quantity.ZERO);
        assertThat(brokerOrder(100, 40, 0).pendingQuantity()).isEqualTo(Quantity.of(60));
    }

    @Test
    void a_broker_order_that_fills_and_cancels_more_than_its_quantity_is_refused() {
        assertThatThrownBy(() -> brokerOrder(100, 60, 60)).hasMessageContaining("exceed quantity 100");
    }

    @Test
    void broker_results_say_what_happened() {
        assertThat(BrokerResult.success("x")).isEqualTo(new BrokerResult.Success<>("x"));
        assertThat(BrokerResult.<String>rejected("margin")).isEqualTo(new BrokerResult.Rejected<String>("margin"));
        assertThat(BrokerResult.<String>rateLimited(Optional.of(Duration.ofSeconds(1)), "429"))
                .isInstanceOf(BrokerResult.RateLimited.class);
        assertThat(BrokerResult.<String>sessionExpired("TokenException"))
                .isInstanceOf(BrokerResult.SessionExpired.class);
        assertThat(BrokerResult.<String>outcomeUnknown("timeout")).isInstanceOf(BrokerResult.OutcomeUnknown.class);
    }

    @Test
    void trades_positions_and_journal_records_validate_their_parts() {
        BrokerTrade trade = new BrokerTrade(
                BrokerOrderId.of("1"), INFY, Side.SELL, Product.MIS, Fill.of("T1", 5, "1500", "2", NOW));
        assertThat(trade.fill().quantity()).isEqualTo(Quantity.of(5));
        BrokerPosition position = new BrokerPosition(INFY, Product.MIS, new BigDecimal("-5"), Optional.empty());
        assertThat(position.netQuantity()).isEqualByComparingTo("-5");
        assertThatThrownBy(() -> new BrokerTrade(null, INFY, Side.SELL, Product.MIS, trade.fill()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new JournalRecord(0, null, NOW)).isInstanceOf(NullPointerException.class);
        assertThat(new JournalBatch(List.of(), List.of(), List.of()).isEmpty()).isTrue();
        assertThat(new JournalException("db down", new RuntimeException()).getMessage())
                .isEqualTo("db down");
    }

    @Test
    void an_order_query_refuses_an_impossible_page_or_window() {
        assertThatThrownBy(() -> OrderQuery.all(0)).hasMessageContaining("limit must be between 1 and 1000");
        assertThatThrownBy(() -> OrderQuery.all(1001)).hasMessageContaining("limit");
        assertThatThrownBy(() -> new OrderQuery(
                        java.util.Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(NOW),
                        Optional.of(NOW),
                        Optional.empty(),
                        10))
                .hasMessageContaining("must be before to");
    }
}
