package io.openoms.domain.basket;

import static io.openoms.domain.basket.BasketBook.ACCOUNT;
import static io.openoms.domain.basket.BasketBook.INFY;
import static io.openoms.domain.basket.BasketBook.STRATEGY;
import static io.openoms.domain.basket.BasketBook.T0;
import static io.openoms.domain.basket.BasketBook.TCS;
import static io.openoms.domain.basket.BasketBook.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Worked examples with the figures computed by hand in the comments. */
class BasketFiguresTest {
    private final BasketBook book = new BasketBook();
    private final Map<InstrumentId, Price> marks = Map.of(INFY, Price.of("1510"), TCS, Price.of("3390"));

    private Basket pair() {
        return Basket.create(BasketId.of("BK-1"), Optional.of("pair-1"), ACCOUNT, STRATEGY, true, T0)
                .add(Optional.of("long"), limit(INFY, true, 10, "1505"))
                .add(Optional.of("short"), limit(TCS, false, 5, "3400"));
    }

    private Basket sendAll(Basket basket) {
        Basket sent = basket;
        for (BasketLeg leg : basket.unsentLegs()) {
            String id = basket.id() + "-" + leg.key();
            book.send(leg, id);
            sent = sent.sent(leg.key(), ClientOrderId.of(id));
        }
        return sent;
    }

    private BasketFigures figures(Basket basket) {
        return BasketFigures.of(basket, book::find, instrument -> Optional.ofNullable(marks.get(instrument)));
    }

    @Test
    void a_filled_pair_trade_has_signed_positions_weighted_averages_and_mtm() {
        Basket basket = sendAll(pair());
        book.fill("BK-1-long", 4, "1500");
        book.fill("BK-1-long", 6, "1502");
        book.fill("BK-1-short", 5, "3400.50");

        BasketFigures figures = figures(basket);

        assertThat(figures.status()).isEqualTo(BasketStatus.COMPLETE);
        assertThat(figures.positions())
                .containsExactly(Map.entry(INFY, BigDecimal.TEN), Map.entry(TCS, BigDecimal.valueOf(-5)));
        assertThat(figures.buyQuantity()).containsEntry(INFY, Quantity.of(10)).containsEntry(TCS, Quantity.ZERO);
        assertThat(figures.sellQuantity()).containsEntry(TCS, Quantity.of(5)).containsEntry(INFY, Quantity.ZERO);
        // (4 × 1500 + 6 × 1502) / 10 = 15,012 / 10 = 1501.2
        assertThat(figures.averageBuyPrice()).containsExactly(Map.entry(INFY, Price.of("1501.2")));
        assertThat(figures.averageSellPrice()).containsExactly(Map.entry(TCS, Price.of("3400.5")));
        // INFY: 0 − 15,012 + 10 × 1510 = 88; TCS: 17,002.50 − 0 − 5 × 3390 = 52.50; total 140.50
        assertThat(figures.mtm()).containsExactly(Map.entry(INFY, Money.of("88")), Map.entry(TCS, Money.of("52.5")));
        assertThat(figures.totalMtm()).isEqualTo(Money.of("140.5"));
        assertThat(figures.unmarked()).isEmpty();
        assertThat(figures.completed()).containsExactly(ClientOrderId.of("BK-1-long"), ClientOrderId.of("BK-1-short"));
        assertThat(figures.pending()).isEmpty();
    }

    @Test
    void a_round_trip_in_one_instrument_needs_no_mark() {
        Basket basket = sendAll(Basket.create(BasketId.of("BK-2"), Optional.empty(), ACCOUNT, STRATEGY, false, T0)
                .add(Optional.empty(), limit(INFY, true, 10, "100"))
                .add(Optional.empty(), limit(INFY, false, 10, "105")));
        book.fill("BK-2-0", 10, "100");
        book.fill("BK-2-1", 10, "105");

        BasketFigures figures = BasketFigures.of(basket, book::find, instrument -> Optional.empty());

        // flat: 1,050 sold − 1,000 bought = 50, no price needed
        assertThat(figures.positions()).containsExactly(Map.entry(INFY, BigDecimal.ZERO));
        assertThat(figures.mtm()).containsExactly(Map.entry(INFY, Money.of(50)));
        assertThat(figures.totalMtm()).isEqualTo(Money.of(50));
    }

    @Test
    void an_open_position_without_a_price_is_left_out_of_the_mtm_and_named() {
        Basket basket = sendAll(pair());
        book.fill("BK-1-long", 10, "1500");
        book.fill("BK-1-short", 5, "3400");

        BasketFigures figures = BasketFigures.of(
                basket,
                book::find,
                instrument -> instrument.equals(TCS) ? Optional.of(Price.of("3390")) : Optional.empty());

        assertThat(figures.unmarked()).containsExactly(INFY);
        assertThat(figures.mtm()).containsOnlyKeys(TCS);
        assertThat(figures.totalMtm()).isEqualTo(Money.of(50));
    }

    @Test
    void status_follows_the_legs() {
        Basket fresh = pair();
        assertThat(figures(fresh).status()).isEqualTo(BasketStatus.NEW);
        assertThat(figures(fresh).pending()).isEmpty();

        Basket sent = sendAll(fresh);
        assertThat(figures(sent).status()).isEqualTo(BasketStatus.WORKING);
        assertThat(figures(sent).pending()).hasSize(2);

        book.fill("BK-1-long", 4, "1500");
        book.cancel("BK-1-long");
        book.cancel("BK-1-short");
        assertThat(figures(sent).status()).isEqualTo(BasketStatus.PARTIAL);

        Basket more = sent.add(Optional.of("hedge"), limit(TCS, true, 1, "3400"));
        assertThat(figures(more).status())
                .as("a leg added after execution and not sent")
                .isEqualTo(BasketStatus.WORKING);
    }

    @Test
    void a_basket_cancelled_before_any_fill_is_cancelled() {
        Basket sent = sendAll(pair());
        book.cancel("BK-1-long");
        book.cancel("BK-1-short");

        assertThat(figures(sent).status()).isEqualTo(BasketStatus.CANCELLED);
        assertThat(figures(sent).completed()).hasSize(2);
    }

    @Test
    void legs_are_found_by_key_or_index_and_keys_are_unique() {
        Basket basket = Basket.create(BasketId.of("BK-3"), Optional.empty(), ACCOUNT, STRATEGY, false, T0)
                .add(Optional.empty(), limit(INFY, true, 1, "100"))
                .add(Optional.of("tcs"), limit(TCS, true, 1, "100"));

        assertThat(basket.leg("0").orElseThrow().request().instrument()).isEqualTo(INFY);
        assertThat(basket.leg("tcs").orElseThrow().request().instrument()).isEqualTo(TCS);
        assertThat(basket.leg("1")).isEmpty();
        assertThatThrownBy(() -> basket.add(Optional.of("tcs"), limit(TCS, true, 1, "100")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("basket BK-3 already has a leg with key tcs");
        assertThatThrownBy(() -> basket.add(
                        Optional.empty(),
                        OrderRequest.builder()
                                .account("OTHER")
                                .strategy(STRATEGY.value())
                                .instrument("NSE:INFY")
                                .buy()
                                .type(OrderType.LIMIT)
                                .quantity(1)
                                .limitPrice("100")
                                .build()))
                .hasMessageContaining("must be for account ACC-1");
    }

    @Test
    void a_clone_has_the_same_legs_unsent() {
        Basket sent = sendAll(pair());

        Basket clone = sent.cloneAs(BasketId.of("BK-9"), T0.plusSeconds(60));

        assertThat(clone.id()).isEqualTo(BasketId.of("BK-9"));
        assertThat(clone.legs()).extracting(BasketLeg::key).containsExactly("long", "short");
        assertThat(clone.unsentLegs()).hasSize(2);
        assertThat(clone.orderIds()).isEmpty();
        assertThat(clone.account()).isEqualTo(AccountId.of("ACC-1"));
        assertThatThrownBy(() -> sent.sent("long", ClientOrderId.of("again")))
                .isInstanceOf(IllegalStateException.class);
    }
}
