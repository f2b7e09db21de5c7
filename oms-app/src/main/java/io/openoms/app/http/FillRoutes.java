package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.in.ExternalFillResult;
import io.openoms.domain.port.in.ExternalFills;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.RecordExternalFill;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * External fills: {@code POST /api/v1/orders/{id}/fills} records a fill entered from outside (a drop
 * copy, a trade done by hand) for an order on the {@code manual} venue. 201 with the order when
 * recorded; 200 with the order, unchanged, when the order already has a fill with this {@code tradeId}
 * (a retry is safe); 404 for an unknown order; 409 {@code VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED} for an
 * order at a venue that reports its own fills; 422 {@code VALIDATION_FILL_REFUSED} for an overfill or an
 * order that takes no fills in its state. See {@code docs/api.md}.
 */
public final class FillRoutes implements HttpRoutes {
    private static final Set<String> FIELDS = Set.of("tradeId", "quantity", "price", "executedAt", "fee");

    private final ExternalFills fills;

    @Inject
    public FillRoutes(ExternalFills fills) {
        this.fills = requireNonNull(fills, "fills is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/orders/{id}/fills", this::record, Role.TRADER);
    }

    private void record(Context ctx) {
        ClientOrderId id = orderId(ctx);
        RequestFields fields = new RequestFields(ApiJson.body(ctx, false), FIELDS);
        Optional<TradeId> tradeId = fields.convert("tradeId", fields.requiredText("tradeId"), TradeId::of);
        Optional<Quantity> quantity =
                fields.requiredDecimal("quantity").flatMap(q -> fields.attempt("quantity", () -> Quantity.of(q)));
        Optional<Price> price =
                fields.requiredDecimal("price").flatMap(p -> fields.attempt("price", () -> Price.of(p)));
        Optional<Instant> executedAt = fields.instant("executedAt");
        Optional<Money> fee = fields.decimal("fee").map(Money::of);
        quantity.filter(q -> !q.isPositive()).ifPresent(q -> fields.problem("quantity", "must be positive"));
        price.filter(p -> p.value().signum() <= 0).ifPresent(p -> fields.problem("price", "must be positive"));
        fields.check();
        RecordExternalFill fill = new RecordExternalFill(
                id, tradeId.orElseThrow(), quantity.orElseThrow(), price.orElseThrow(), executedAt, fee);
        ExternalFillResult result = EngineCalls.await(fills.recordFill(fill));
        if (result instanceof ExternalFillResult.Recorded recorded) {
            ApiJson.write(ctx, 201, ApiViews.order(recorded.order()));
        } else if (result instanceof ExternalFillResult.AlreadyRecorded already) {
            ApiJson.write(ctx, 200, ApiViews.order(already.order()));
        } else {
            ExternalFillResult.Refused refused = (ExternalFillResult.Refused) result;
            throw EngineCalls.failure(new OrderCommandResult.Failed(refused.code(), refused.message()));
        }
    }

    private static ClientOrderId orderId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return ClientOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw EngineCalls.failure(
                    new OrderCommandResult.Failed(FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + text));
        }
    }
}
