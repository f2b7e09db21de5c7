package io.openoms.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.value.Product;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");

    private static OrderRequest.Builder buy() {
        return OrderRequest.builder()
                .account("ACC1")
                .strategy("momentum")
                .instrument("NSE:INFY")
                .buy()
                .quantity(10);
    }

    @Test
    void defaults_are_a_day_market_order_for_delivery() {
        OrderRequest request = buy().build();
        assertThat(request.type()).isEqualTo(OrderType.MARKET);
        assertThat(request.timeInForce()).isEqualTo(TimeInForce.DAY);
        assertThat(request.product()).isEqualTo(Product.CNC);
        assertThat(request.reduceOnly()).isFalse();
        assertThat(request.referencePrice()).isEmpty();
        assertThat(request.expiryAt(NOW)).isEmpty();
    }

    @Test
    void an_expiry_makes_a_good_till_date_order_and_expires_in_is_turned_into_an_instant() {
        OrderRequest request = buy().expiresIn(Duration.ofMinutes(30)).build();
        assertThat(request.timeInForce()).isEqualTo(TimeInForce.GTD);
        assertThat(request.expiryAt(NOW)).contains(NOW.plusSeconds(1800));
        OrderRequest at = buy().expiresAt(NOW.plusSeconds(60)).build();
        assertThat(at.expiryAt(NOW)).contains(NOW.plusSeconds(60));
    }

    @Test
    void each_structural_mistake_is_refused_naming_the_field() {
        assertField(() -> buy().quantity(0).build(), "quantity");
        assertField(() -> buy().type(OrderType.LIMIT).build(), "price");
        assertField(() -> buy().limitPrice("10").build(), "price");
        assertField(() -> buy().type(OrderType.STOP).build(), "triggerPrice");
        assertField(
                () -> buy().type(OrderType.LIMIT)
                        .limitPrice("10")
                        .triggerPrice("9")
                        .build(),
                "triggerPrice");
        assertField(() -> buy().expiresAt(NOW).expiresIn(Duration.ofMinutes(1)).build(), "expiresAt");
        assertField(() -> buy().timeInForce(TimeInForce.GTD).build(), "expiresAt");
        assertField(() -> buy().timeInForce(TimeInForce.DAY).expiresAt(NOW).build(), "timeInForce");
        assertField(() -> buy().expiresIn(Duration.ZERO).build(), "expiresIn");
        assertField(() -> buy().tag("has space").build(), "tag");
        assertField(() -> buy().side(null).build(), "side");
        assertField(() -> OrderRequest.builder().buy().quantity(1).build(), "account");
    }

    @Test
    void a_stop_limit_order_has_both_prices_and_is_referenced_at_its_limit() {
        OrderRequest request = buy().type(OrderType.STOP_LIMIT)
                .limitPrice("101")
                .triggerPrice("100")
                .stopLoss("95")
                .takeProfit("110")
                .tag("alpha-1")
                .reduceOnly(true)
                .product(Product.MIS)
                .parentOrderId(ClientOrderId.of("parent-1"))
                .build();
        assertThat(request.referencePrice()).map(Object::toString).contains("101");
        assertThat(request.stopLoss()).isPresent();
        assertThat(request.takeProfit()).isPresent();
        assertThat(request.parentOrderId()).contains(ClientOrderId.of("parent-1"));
        OrderRequest stop = buy().type(OrderType.STOP).triggerPrice("99").build();
        assertThat(stop.referencePrice()).map(Object::toString).contains("99");
    }

    @Test
    void ids_and_fills_validate_their_input() {
        assertThatThrownBy(() -> ClientOrderId.of("")).hasMessage("client order id is missing");
        assertThat(BrokerOrderId.of("1234567890123456789").toString()).isEqualTo("1234567890123456789");
        assertThat(TradeId.of("T1").toString()).isEqualTo("T1");
        assertThat(ClientOrderId.of("c-1").toString()).isEqualTo("c-1");
        assertThatThrownBy(() -> Fill.of("T1", 0, "10", "0", NOW)).hasMessageContaining("quantity must be positive");
        assertThatThrownBy(() -> Fill.of("T1", 1, "10", "-1", NOW)).hasMessageContaining("fee must not be negative");
        assertThat(Fill.of("T1", 3, "10.5", "1", NOW).notional().toString()).isEqualTo("31.5");
    }

    private static void assertField(Runnable build, String field) {
        assertThatThrownBy(build::run)
                .isInstanceOfSatisfying(InvalidOrderRequestException.class, e -> assertThat(e.field())
                        .isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }
}
