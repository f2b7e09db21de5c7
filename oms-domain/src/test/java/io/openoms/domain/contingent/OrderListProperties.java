package io.openoms.domain.contingent;

import static io.openoms.domain.contingent.ListBook.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lists' quantity rules under random fills, when the engine carries out each plan before the
 * next fill arrives (a venue never fills an order beyond its quantity).
 */
class OrderListProperties {
    /** Each op: which member (low bits) and how much to fill (the rest, 1-12). */
    @Test
    void an_oco_group_never_fills_more_than_its_quantity() {
        qt().withFixedSeed(20261207L)
                .forAll(
                        integers().between(2, 4),
                        lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 30))
                .checkAssert((members, ops) -> {
                    ListBook book = new ListBook();
                    List<OrderRequest> requests = new ArrayList<>();
                    for (int i = 0; i < members; i++) {
                        requests.add(limit(false, 10, "110").build());
                    }
                    OrderList list = OrderList.oco(OrderListId.of("L-P"), requests);
                    for (int i = 0; i < members; i++) {
                        list = book.send(list, "member-" + i);
                    }
                    for (int op : ops) {
                        Order member = book.order(list, "member-" + (op % members));
                        long wanted = 1 + (op / members) % 12;
                        fillUpTo(book, member, wanted, "110");
                        list = book.apply(list.next(book::find));
                        assertThat(total(book, list, "member-", members)).isLessThanOrEqualTo(10);
                    }
                    if (total(book, list, "member-", members) == 10) {
                        assertThat(list.isDone(book::find)).isTrue();
                    }
                });
    }

    /** Each op fills the entry (even ops) or an open exit (odd ops) by 1-7. */
    @Test
    void bracket_exits_never_fill_more_than_the_entry_did() {
        qt().withFixedSeed(20261208L)
                .forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 30))
                .checkAssert(ops -> {
                    ListBook book = new ListBook();
                    OrderList list = book.send(
                            OrderList.bracket(
                                    OrderListId.of("L-B"),
                                    limit(true, 20, "100").build(),
                                    new BracketExits(Price.of("110"), Price.of("95"), Optional.empty())),
                            "entry");
                    for (int op : ops) {
                        long wanted = 1 + (op / 2) % 7;
                        if (op % 2 == 0) {
                            fillUpTo(book, book.order(list, "entry"), wanted, "100");
                        } else {
                            OrderList current = list;
                            List<Order> openExits = current.legs().stream()
                                    .filter(leg -> leg.role() != LegRole.ENTRY)
                                    .flatMap(leg -> leg.orderId().flatMap(book::find).stream())
                                    .filter(order -> !order.isTerminal())
                                    .toList();
                            if (!openExits.isEmpty()) {
                                fillUpTo(book, openExits.get((op / 14) % openExits.size()), wanted, "110");
                            }
                        }
                        list = book.apply(list.next(book::find));
                        long entryFilled = book.order(list, "entry")
                                .filledQuantity()
                                .value()
                                .longValueExact();
                        long exitsFilled = list.legs().stream()
                                .filter(leg -> leg.role() != LegRole.ENTRY)
                                .flatMap(leg -> leg.orderId().flatMap(book::find).stream())
                                .mapToLong(
                                        order -> order.filledQuantity().value().longValueExact())
                                .sum();
                        assertThat(exitsFilled).isLessThanOrEqualTo(entryFilled);
                    }
                });
    }

    private static void fillUpTo(ListBook book, Order order, long wanted, String price) {
        Order now = book.find(order.id()).orElseThrow();
        if (now.isTerminal()) {
            return;
        }
        long remaining = now.remainingQuantity().value().longValueExact();
        long quantity = Math.min(wanted, remaining);
        if (quantity > 0) {
            book.fill(now.id(), quantity, price);
        }
    }

    private static long total(ListBook book, OrderList list, String prefix, int members) {
        long total = 0;
        for (int i = 0; i < members; i++) {
            Quantity filled = book.order(list, prefix + i).filledQuantity();
            total += filled.value().longValueExact();
        }
        return total;
    }
}
