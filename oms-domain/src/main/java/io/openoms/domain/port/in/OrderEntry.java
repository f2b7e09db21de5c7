package io.openoms.domain.port.in;

import java.util.concurrent.CompletableFuture;

/**
 * Where orders enter. Each call returns at once with a future of the outcome; the future completes
 * when the outcome is durable (journalled), never before.
 *
 * <ul>
 *   <li>{@code submit} completes {@link OrderCommandResult.Accepted} once the order passed the
 *       pre-trade checks and is durably {@code PENDING_SUBMISSION} (the broker is called after);
 *       {@link OrderCommandResult.Rejected} when a risk check refused it — the order is stored as
 *       {@code REJECTED} with the check and the reason; {@link OrderCommandResult.Failed} when nothing
 *       was stored (invalid request, engine busy or stopped, journal unavailable, orders held while an
 *       earlier submit's outcome is unknown).
 *   <li>A submit that names a {@code clientOrderId} already used returns the existing order — never
 *       a second one — so clients may retry safely.
 *   <li>{@code modify} and {@code cancel} complete {@code Accepted} with the order in
 *       {@code PENDING_MODIFY}/{@code PENDING_CANCEL} (or final, for an order never sent); the
 *       broker's answer arrives later as order events. Cancels never go through risk checks.
 *   <li>A {@code modify} passes the pre-trade checks a submit would, for the order as it would stand
 *       after the change ({@code PreTradeValidator.validateModification}). A new quantity or price
 *       that does not fit the instrument (lot, minimum, maximum, freeze quantity, tick, not positive)
 *       completes {@link OrderCommandResult.Failed} {@code VALIDATION_INVALID_REQUEST} naming the
 *       field; a refusal by a check completes {@link OrderCommandResult.ModificationRefused}. Either
 *       way nothing is stored or sent, and the order keeps working as it was.
 * </ul>
 *
 * <p>Thread safety: safe to call from any thread.
 */
public interface OrderEntry {
    CompletableFuture<OrderCommandResult> submit(SubmitOrder command);

    CompletableFuture<OrderCommandResult> modify(ModifyOrder command);

    CompletableFuture<OrderCommandResult> cancel(CancelOrder command);

    /**
     * Requests the cancel of every open order matching the filter; an empty filter means every open
     * order. Completes {@link CancelAllResult.Requested} once the requests are durable, {@link
     * CancelAllResult.Failed} when nothing was done; the future itself never fails.
     */
    CompletableFuture<CancelAllResult> cancelAll(CancelAllOrders command);
}
