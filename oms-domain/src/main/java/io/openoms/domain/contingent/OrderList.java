package io.openoms.domain.contingent;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Orders that depend on each other: a bracket, an OCO group or an OTO pair (see
 * {@link OrderListType}). Immutable; the engine keeps the latest version with the orders.
 *
 * <p>The rule is level-triggered: {@link #next} looks at the legs' orders as they stand and says
 * what must happen for the rule to hold, whatever happened before and however often it is asked.
 * So a restart needs only the list and its orders, and a fill racing a cancel is settled by the
 * next look. An exit or OCO member that may still fill is sized to its own filled quantity plus
 * what the group may still fill; when that is nothing it is cancelled; when the legs filled more
 * than allowed, the excess is reported once ({@link ContingentAction.Overfilled}).
 *
 * <p>Bracket exits come in generations: while the entry fills, one take-profit and one stop-loss
 * follow its filled quantity; if both are done (one filled, the other cancelled) and the entry
 * fills again, a new pair is opened for the new quantity. Exits are reduce-only, so they pass a
 * HALTED account's trading-state check.
 */
public final class OrderList {
    private final OrderListId id;
    private final OrderListType type;
    private final List<ListLeg> legs;
    private final Optional<BracketExits> exits;
    private final Quantity reportedExcess;

    private OrderList(
            OrderListId id,
            OrderListType type,
            List<ListLeg> legs,
            Optional<BracketExits> exits,
            Quantity reportedExcess) {
        this.id = requireNonNull(id, "id is null");
        this.type = requireNonNull(type, "type is null");
        this.legs = List.copyOf(legs);
        this.exits = requireNonNull(exits, "exits is null");
        this.reportedExcess = requireNonNull(reportedExcess, "reportedExcess is null");
    }

    /** A bracket: the entry is released at once; its exits appear as it fills. */
    public static OrderList bracket(OrderListId id, OrderRequest entry, BracketExits exits) {
        return new OrderList(
                id,
                OrderListType.BRACKET,
                List.of(ListLeg.released("entry", LegRole.ENTRY, entry)),
                Optional.of(exits),
                Quantity.ZERO);
    }

    /** A one-cancels-other group of two or more orders of the same quantity, all released at once. */
    public static OrderList oco(OrderListId id, List<OrderRequest> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an OCO group needs at least two orders, got " + members.size());
        }
        Quantity quantity = members.get(0).quantity();
        List<ListLeg> legs = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).quantity().compareTo(quantity) != 0) {
                throw new IllegalArgumentException("the orders of an OCO group must have one quantity: order " + i
                        + " has " + members.get(i).quantity() + ", order 0 has " + quantity);
            }
            legs.add(ListLeg.released("member-" + i, LegRole.MEMBER, members.get(i)));
        }
        return new OrderList(id, OrderListType.OCO, legs, Optional.empty(), Quantity.ZERO);
    }

    /** A parent released at once and children that wait until it has filled in full. */
    public static OrderList oto(OrderListId id, OrderRequest parent, List<OrderRequest> children) {
        if (children.isEmpty()) {
            throw new IllegalArgumentException("an OTO list needs at least one child order");
        }
        List<ListLeg> legs = new ArrayList<>();
        legs.add(ListLeg.released("parent", LegRole.PARENT, parent));
        for (int i = 0; i < children.size(); i++) {
            legs.add(ListLeg.waiting("child-" + i, LegRole.CHILD, children.get(i)));
        }
        return new OrderList(id, OrderListType.OTO, legs, Optional.empty(), Quantity.ZERO);
    }

    /** This list with leg {@code key} known as order {@code orderId}. */
    public OrderList sent(String key, ClientOrderId orderId) {
        ListLeg leg =
                leg(key).orElseThrow(() -> new IllegalArgumentException("order list " + id + " has no leg " + key));
        if (!leg.released()) {
            throw new IllegalStateException("leg " + key + " of order list " + id + " was not released");
        }
        return replace(leg, leg.sentAs(orderId));
    }

    /** What must happen now for the list's rule to hold, and the list as it stands once it is decided. */
    public Plan next(Function<ClientOrderId, Optional<Order>> orders) {
        return switch (type) {
            case BRACKET -> nextOfBracket(orders);
            case OCO -> nextOfGroup(
                    orders, legsOf(LegRole.MEMBER), legs.get(0).request().quantity(), "the OCO group is filled");
            case OTO -> nextOfOto(orders);
        };
    }

    private Plan nextOfBracket(Function<ClientOrderId, Optional<Order>> orders) {
        Optional<Order> entry = orderOf(legsOf(LegRole.ENTRY).get(0), orders);
        if (entry.isEmpty()) {
            return new Plan(this, List.of());
        }
        List<ListLeg> exitLegs = new ArrayList<>(legsOf(LegRole.TAKE_PROFIT));
        exitLegs.addAll(legsOf(LegRole.STOP_LOSS));
        Plan plan = nextOfGroup(orders, exitLegs, entry.get().filledQuantity(), "the bracket's exits cover its entry");
        boolean exitsSettled = exitLegs.stream()
                .allMatch(leg -> orderOf(leg, orders).map(Order::isTerminal).orElse(false));
        Quantity remaining = remaining(entry.get().filledQuantity(), exitLegs, orders);
        if (!exitsSettled || !remaining.isPositive()) {
            return plan;
        }
        return plan.list().openExits(entry.get(), remaining, plan.actions());
    }

    /** A new take-profit and stop-loss pair for {@code quantity}, released. */
    private Plan openExits(Order entry, Quantity quantity, List<ContingentAction> before) {
        BracketExits prices = exits.orElseThrow();
        int generation = legsOf(LegRole.TAKE_PROFIT).size() + 1;
        OrderRequest takeProfit = exitOf(entry, quantity)
                .type(OrderType.LIMIT)
                .limitPrice(prices.takeProfit())
                .build();
        OrderRequest.Builder stop = exitOf(entry, quantity).triggerPrice(prices.stopTrigger());
        OrderRequest stopLoss = prices.stopLimit()
                .map(limit -> stop.type(OrderType.STOP_LIMIT).limitPrice(limit).build())
                .orElseGet(() -> stop.type(OrderType.STOP).build());
        List<ListLeg> more = new ArrayList<>(legs);
        more.add(ListLeg.released("take-profit-" + generation, LegRole.TAKE_PROFIT, takeProfit));
        more.add(ListLeg.released("stop-loss-" + generation, LegRole.STOP_LOSS, stopLoss));
        List<ContingentAction> actions = new ArrayList<>(before);
        actions.add(new ContingentAction.SubmitLeg("take-profit-" + generation));
        actions.add(new ContingentAction.SubmitLeg("stop-loss-" + generation));
        return new Plan(new OrderList(id, type, more, exits, reportedExcess), actions);
    }

    /** What both exits share: the entry's opposite side for {@code quantity}, reduce-only, its child. */
    private static OrderRequest.Builder exitOf(Order entry, Quantity quantity) {
        return OrderRequest.builder()
                .account(entry.account())
                .strategy(entry.strategy())
                .instrument(entry.instrument())
                .side(entry.side().opposite())
                .quantity(quantity)
                .product(entry.product())
                .timeInForce(entry.timeInForce() == TimeInForce.DAY ? TimeInForce.DAY : TimeInForce.GTC)
                .parentOrderId(entry.id())
                .reduceOnly(true);
    }

    /**
     * The shared rule of OCO members and bracket exits: together they may fill {@code allowed};
     * each one that may still fill is sized to its own fills plus what remains, or cancelled when
     * nothing remains. Nothing is decided while a leg's submit is in flight.
     */
    private Plan nextOfGroup(
            Function<ClientOrderId, Optional<Order>> orders, List<ListLeg> group, Quantity allowed, String why) {
        List<ContingentAction> actions = new ArrayList<>();
        Quantity filled = filled(group, orders);
        OrderList list = this;
        if (filled.isGreaterThan(allowed)) {
            Quantity excess = filled.minus(allowed);
            if (excess.isGreaterThan(reportedExcess)) {
                actions.add(new ContingentAction.Overfilled(excess.minus(reportedExcess)));
                list = new OrderList(id, type, legs, exits, excess);
            }
        }
        boolean inFlight = group.stream()
                .anyMatch(leg -> leg.inFlight()
                        || (leg.orderId().isPresent() && orderOf(leg, orders).isEmpty()));
        if (inFlight) {
            return new Plan(list, actions);
        }
        Quantity remaining = allowed.isGreaterThan(filled) ? allowed.minus(filled) : Quantity.ZERO;
        for (ListLeg leg : group) {
            Optional<Order> order = orderOf(leg, orders);
            if (order.isEmpty() || order.get().isTerminal() || order.get().status() == OrderStatus.PENDING_CANCEL) {
                continue;
            }
            if (remaining.isZero()) {
                actions.add(new ContingentAction.CancelLeg(order.get().id(), why));
                continue;
            }
            Quantity desired = order.get().filledQuantity().plus(remaining);
            if (desired.compareTo(order.get().quantity()) != 0 && resizable(order.get())) {
                actions.add(new ContingentAction.ResizeLeg(order.get().id(), desired));
            }
        }
        return new Plan(list, actions);
    }

    private Plan nextOfOto(Function<ClientOrderId, Optional<Order>> orders) {
        Optional<Order> parent = orderOf(legsOf(LegRole.PARENT).get(0), orders);
        if (parent.isEmpty() || parent.get().status() != OrderStatus.FILLED) {
            return new Plan(this, List.of());
        }
        OrderList list = this;
        List<ContingentAction> actions = new ArrayList<>();
        for (ListLeg child : legsOf(LegRole.CHILD)) {
            if (!child.released()) {
                list = list.replace(child, child.release());
                actions.add(new ContingentAction.SubmitLeg(child.key()));
            }
        }
        return new Plan(list, actions);
    }

    /**
     * Whether the list has nothing more to do: no order of it can fill, nothing is in flight, and
     * {@link #next} asks for nothing (no exits to open, no child to send).
     */
    public boolean isDone(Function<ClientOrderId, Optional<Order>> orders) {
        for (ListLeg leg : legs) {
            if (leg.inFlight()) {
                return false;
            }
            if (leg.orderId().isPresent()
                    && !orderOf(leg, orders).map(Order::isTerminal).orElse(false)) {
                return false;
            }
        }
        if (type == OrderListType.OTO && legs.stream().anyMatch(leg -> !leg.released())) {
            Optional<Order> parent = orderOf(legsOf(LegRole.PARENT).get(0), orders);
            if (parent.isEmpty() || parent.get().status() == OrderStatus.FILLED) {
                return false;
            }
        }
        return next(orders).actions().stream().allMatch(ContingentAction.Overfilled.class::isInstance);
    }

    /** The ids of the list's orders that may still fill: what cancelling the list cancels. */
    public List<ClientOrderId> openOrders(Function<ClientOrderId, Optional<Order>> orders) {
        return legs.stream()
                .flatMap(leg -> orderOf(leg, orders).stream())
                .filter(order -> !order.isTerminal())
                .map(Order::id)
                .toList();
    }

    private static boolean resizable(Order order) {
        return order.status() == OrderStatus.ACCEPTED || order.status() == OrderStatus.PARTIALLY_FILLED;
    }

    private static Quantity filled(List<ListLeg> group, Function<ClientOrderId, Optional<Order>> orders) {
        Quantity filled = Quantity.ZERO;
        for (ListLeg leg : group) {
            filled = filled.plus(orderOf(leg, orders).map(Order::filledQuantity).orElse(Quantity.ZERO));
        }
        return filled;
    }

    private static Quantity remaining(
            Quantity allowed, List<ListLeg> group, Function<ClientOrderId, Optional<Order>> orders) {
        Quantity filled = filled(group, orders);
        return allowed.isGreaterThan(filled) ? allowed.minus(filled) : Quantity.ZERO;
    }

    private static Optional<Order> orderOf(ListLeg leg, Function<ClientOrderId, Optional<Order>> orders) {
        return leg.orderId().flatMap(orders);
    }

    private List<ListLeg> legsOf(LegRole role) {
        return legs.stream().filter(leg -> leg.role() == role).toList();
    }

    private OrderList replace(ListLeg old, ListLeg changed) {
        List<ListLeg> copy = new ArrayList<>(legs);
        copy.set(copy.indexOf(old), changed);
        return new OrderList(id, type, copy, exits, reportedExcess);
    }

    public Optional<ListLeg> leg(String key) {
        return legs.stream().filter(leg -> leg.key().equals(key)).findFirst();
    }

    public OrderListId id() {
        return id;
    }

    public OrderListType type() {
        return type;
    }

    public List<ListLeg> legs() {
        return legs;
    }

    public Optional<BracketExits> exits() {
        return exits;
    }

    /** The excess already reported by {@link ContingentAction.Overfilled}, so it is reported once. */
    public Quantity reportedExcess() {
        return reportedExcess;
    }

    @Override
    public String toString() {
        return "OrderList{" + id + " " + type + ", " + legs.size() + " legs}";
    }
}
