package io.openoms.domain.port.in;

import java.util.concurrent.CompletableFuture;

/**
 * Records fills entered from outside for orders on a venue that takes them (the {@code manual} venue:
 * orders OpenOMS records but does not send). An external fill has every effect of a broker's fill: the
 * same dedupe by trade id, the same overfill refusal, the order's state, the position and P&L, the
 * events and the journal. The future completes once the outcome is durable.
 *
 * <p>Thread safety: safe to call from any thread.
 */
public interface ExternalFills {
    CompletableFuture<ExternalFillResult> recordFill(RecordExternalFill fill);
}
