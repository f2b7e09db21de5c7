package io.openoms.domain.contingent;

import static io.openoms.domain.contingent.ListBook.limit;
import static io.openoms.domain.contingent.ListBook.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Side;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderListTest {
    private final ListBook book = new ListBook();

    private OrderList bracket() {
        OrderList list = OrderList.bracket(
                OrderListId.of("L-1"),
                limit(true, 10, "100").build(),
                new BracketExits(Price.of("110"), Price.of("95"), Optional.empty()));
        return book.send(list, "entry");
    }

    @Test
    void a_bracket_opens_exits_sized_to_the_entry_fill_and_they_follow_later_fills() {
        OrderList list = bracket();
        assertThat(list.next(book::find).actions()).as("no fill, no exits").isEmpty();

        book.fill(book.order(list, "entry").id(), 4, "100");
        Plan first = list.next(book::find);
        assertThat(first.actions())
                .containsExactly(
                        new ContingentAction.SubmitLeg("take-profit-1"), new ContingentAction.SubmitLeg("stop-loss-1"));
        assertThat(first.list().next(book::find).actions())
                .as("asked again while the exits are in flight")
                .isEmpty();
        list = book.apply(first);

        Order takeProfit = book.order(list, "take-profit-1");
        Order stopLoss = book.order(list, "stop-loss-1");
        assertThat(takeProfit.side()).isEqualTo(Side.SELL);
        assertThat(takeProfit.type()).isEqualTo(OrderType.LIMIT);
        assertThat(takeProfit.limitPrice()).contains(Price.of("110"));
        assertThat(takeProfit.quantity()).isEqualTo(quantity(4));
        assertThat(takeProfit.reduceOnly()).isTrue();
        assertThat(takeProfit.parentOrderId())
                .contains(book.order(list, "entry").id());
        assertThat(stopLoss.type()).isEqualTo(OrderType.STOP);
        assertThat(stopLoss.triggerPrice()).contains(Price.of("95"));
        assertThat(stopLoss.limitPrice()).isEmpty();
        assertThat(stopLoss.quantity()).isEqualTo(quantity(4));

        book.fill(book.order(list, "entry").id(), 6, "100");
        Plan grow = list.next(book::find);
        assertThat(grow.actions())
                .containsExactly(
                        new ContingentAction.ResizeLeg(takeProfit.id(), quantity(10)),
                        new ContingentAction.ResizeLeg(stopLoss.id(), quantity(10)));
        list = book.apply(grow);
        assertThat(list.next(book::find).actions()).isEmpty();

        book.fill(takeProfit.id(), 10, "110");
        Plan done = list.next(book::find);
        assertThat(done.actions())
                .containsExactly(new ContingentAction.CancelLeg(stopLoss.id(), "the bracket's exits cover its entry"));
        list = book.apply(done);

        assertThat(book.order(list, "stop-loss-1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(list.isDone(book::find)).isTrue();
        assertThat(list.openOrders(book::find)).isEmpty();
    }

    @Test
    void a_partial_target_fill_shrinks_the_stop_by_as_much() {
        OrderList list = bracket();
        book.fill(book.order(list, "entry").id(), 10, "100");
        list = book.apply(list.next(book::find));

        book.fill(book.order(list, "take-profit-1").id(), 3, "110");

        assertThat(list.next(book::find).actions())
                .containsExactly(new ContingentAction.ResizeLeg(
                        book.order(list, "stop-loss-1").id(), quantity(7)));
    }

    @Test
    void a_stop_limit_exit_carries_its_limit() {
        OrderList list = book.send(
                OrderList.bracket(
                        OrderListId.of("L-2"),
                        limit(false, 5, "100").build(),
                        new BracketExits(Price.of("90"), Price.of("105"), Optional.of(Price.of("106")))),
                "entry");
        book.fill(book.order(list, "entry").id(), 5, "100");
        list = book.apply(list.next(book::find));

        Order stop = book.order(list, "stop-loss-1");
        assertThat(stop.side()).isEqualTo(Side.BUY);
        assertThat(stop.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(stop.limitPrice()).contains(Price.of("106"));
    }

    @Test
    void an_entry_cancelled_before_any_fill_ends_the_bracket() {
        OrderList list = bracket();

        book.cancel(book.order(list, "entry").id());

        assertThat(list.next(book::find).actions()).isEmpty();
        assertThat(list.isDone(book::find)).isTrue();
        assertThat(list.legs()).hasSize(1);
    }

    @Test
    void an_entry_filling_again_after_its_exits_closed_opens_a_new_pair() {
        OrderList list = bracket();
        book.fill(book.order(list, "entry").id(), 4, "100");
        list = book.apply(list.next(book::find));
        book.fill(book.order(list, "take-profit-1").id(), 4, "110");
        list = book.apply(list.next(book::find));

        book.fill(book.order(list, "entry").id(), 6, "100");

        assertThat(list.next(book::find).actions())
                .containsExactly(
                        new ContingentAction.SubmitLeg("take-profit-2"), new ContingentAction.SubmitLeg("stop-loss-2"));
        list = book.apply(list.next(book::find));
        assertThat(book.order(list, "take-profit-2").quantity()).isEqualTo(quantity(6));
    }

    @Test
    void an_oco_fill_shrinks_the_others_and_a_race_is_reported_once() {
        OrderList list = OrderList.oco(
                OrderListId.of("L-3"),
                List.of(limit(false, 10, "110").build(), limit(false, 10, "112").build()));
        list = book.send(book.send(list, "member-0"), "member-1");
        Order first = book.order(list, "member-0");
        Order second = book.order(list, "member-1");

        book.fill(first.id(), 4, "110");
        assertThat(list.next(book::find).actions())
                .containsExactly(new ContingentAction.ResizeLeg(second.id(), quantity(6)));
        list = book.apply(list.next(book::find));

        // The rest of the first fills while the second also fills 2 before any cancel reaches it.
        book.fill(first.id(), 6, "110");
        book.fill(second.id(), 2, "112");
        Plan raced = list.next(book::find);
        assertThat(raced.actions())
                .containsExactly(
                        new ContingentAction.Overfilled(quantity(2)),
                        new ContingentAction.CancelLeg(second.id(), "the OCO group is filled"));
        list = book.apply(raced);

        assertThat(list.next(book::find).actions()).as("reported once").isEmpty();
        assertThat(list.reportedExcess()).isEqualTo(quantity(2));
        assertThat(list.isDone(book::find)).isTrue();
    }

    @Test
    void oco_members_must_share_a_quantity() {
        assertThatThrownBy(() -> OrderList.oco(
                        OrderListId.of("L-4"),
                        List.of(
                                limit(false, 10, "110").build(),
                                limit(false, 5, "112").build())))
                .hasMessage("the orders of an OCO group must have one quantity: order 1 has 5, order 0 has 10");
        assertThatThrownBy(() -> OrderList.oco(
                        OrderListId.of("L-4"), List.of(limit(false, 10, "110").build())))
                .hasMessageContaining("at least two");
    }

    @Test
    void oto_children_wait_for_the_parent_to_fill_in_full() {
        OrderList list = book.send(
                OrderList.oto(
                        OrderListId.of("L-5"),
                        limit(true, 10, "100").build(),
                        List.of(limit(false, 10, "120").build())),
                "parent");
        Order parent = book.order(list, "parent");

        book.fill(parent.id(), 4, "100");
        assertThat(list.next(book::find).actions()).isEmpty();
        assertThat(list.isDone(book::find)).isFalse();

        book.fill(parent.id(), 6, "100");
        Plan trigger = list.next(book::find);
        assertThat(trigger.actions()).containsExactly(new ContingentAction.SubmitLeg("child-0"));
        assertThat(trigger.list().next(book::find).actions())
                .as("released once")
                .isEmpty();
        list = book.apply(trigger);
        assertThat(book.order(list, "child-0").status()).isEqualTo(OrderStatus.ACCEPTED);
    }
}
