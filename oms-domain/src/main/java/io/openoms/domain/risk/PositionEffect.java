package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;

/**
 * What an order would do to the account's net position in its instrument and product, counting
 * the working orders on the same side as if they had filled: two exits in flight must not together
 * flip a position, and two entries must not together exceed a limit.
 *
 * @param net the signed net position now (positive long, negative short)
 * @param committed {@code net} plus the signed remaining quantity of working orders on the order's side
 * @param after {@code committed} plus the order's signed quantity
 */
public record PositionEffect(BigDecimal net, BigDecimal committed, BigDecimal after) {
    public PositionEffect {
        requireNonNull(net, "net is null");
        requireNonNull(committed, "committed is null");
        requireNonNull(after, "after is null");
    }

    public static PositionEffect of(OrderRequest request, RiskContext context) {
        BigDecimal net = context.netPosition(request.account(), request.instrument(), request.product());
        BigDecimal working =
                context.openOrderQuantity(request.account(), request.instrument(), request.product(), request.side());
        BigDecimal committed = request.side() == Side.BUY ? net.add(working) : net.subtract(working);
        return new PositionEffect(
                net, committed, committed.add(request.quantity().signed(request.side())));
    }

    /**
     * True when the order moves the committed position toward zero without crossing it: it closes
     * or partly closes a position and opens nothing. Such an order passes every exposure and loss
     * check, so that risk controls never trap a trader in a position.
     */
    public boolean shrinksWithoutFlipping() {
        return committed.signum() != 0
                && (after.signum() == 0 || after.signum() == committed.signum())
                && after.abs().compareTo(committed.abs()) < 0;
    }

    /** True when the account is flat in the instrument now, so that the order would open a position. */
    public boolean opensNewPosition() {
        return net.signum() == 0;
    }
}
