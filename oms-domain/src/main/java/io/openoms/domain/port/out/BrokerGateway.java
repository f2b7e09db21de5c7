package io.openoms.domain.port.out;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import java.util.List;
import java.util.Optional;

/**
 * One broker or venue: places, modifies and cancels orders and answers what it holds. Every
 * call returns a {@link BrokerResult} that separates a definitive answer from a refusal, a
 * rate-limit refusal, a lost session and an unknown outcome.
 *
 * <p>An {@link BrokerResult.OutcomeUnknown} (timeout, connection reset, 5xx, an unparseable reply)
 * means the request may or may not have taken effect. The caller must never resend a placement on
 * that basis; it finds the order with {@link #findOrder} first. Implementations never retry a
 * placement, modification or cancellation themselves.
 *
 * <p>Every placement carries a correlation tag derived from the client order id, so that
 * {@link #findOrder} can find it at the broker after an ambiguous outcome.
 *
 * <p>Thread safety: implementations are safe to call from several threads; calls may block on
 * I/O, so the engine never calls them on its own thread.
 */
public interface BrokerGateway {
    /** The name accounts are bound to, e.g. {@code mock} or {@code zerodha}. */
    String name();

    BrokerResult<BrokerOrderId> place(Order order);

    BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification);

    BrokerResult<BrokerOrderId> cancel(Order order);

    /** The broker's view of one order, empty when the broker does not know the id. */
    BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id);

    /** The order placed for {@code id} (found by its correlation tag), empty when the broker has none. */
    BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id);

    /** The trading day's orders, ours and any placed outside OpenOMS. */
    BrokerResult<List<BrokerOrder>> orders();

    /** The trading day's executions. */
    BrokerResult<List<BrokerTrade>> trades();

    /** The account's net positions. */
    BrokerResult<List<BrokerPosition>> positions();

    /**
     * Whether fills for this venue's orders are entered from outside ({@code ExternalFills}): true only
     * for a venue that records orders without executing them (the {@code manual} venue). A venue that
     * reports its own executions says no, so that a fill is never counted twice.
     */
    default boolean takesExternalFills() {
        return false;
    }
}
