package io.openoms.domain.risk;

import io.openoms.domain.order.OrderRequest;

/**
 * One pre-trade rule. Implementations must be pure: read the request and the context, never
 * change anything, and return a result rather than throw (the validator turns an exception into a
 * failure naming the check, because a risk layer fails closed).
 *
 * <p>{@link #name()} is the check's stable identifier in {@code SCREAMING_SNAKE_CASE} (for example
 * {@code MAX_ORDER_QUANTITY}); it appears in rejections, events and documentation, so do not
 * rename it once orders have been rejected under it.
 */
public interface RiskCheck {

    String name();

    RiskCheckResult check(OrderRequest request, RiskContext context);
}
