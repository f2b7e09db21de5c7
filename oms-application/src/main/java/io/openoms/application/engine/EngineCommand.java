package io.openoms.application.engine;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.ExternalFillResult;
import io.openoms.domain.port.in.LimitsChangeResult;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.RecordExternalFill;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the engine thread applies, one at a time. Records only carry data; the engine decides. */
sealed interface EngineCommand {

    record Submit(SubmitOrder command, CompletableFuture<OrderCommandResult> result) implements EngineCommand {}

    record Modify(ModifyOrder command, CompletableFuture<OrderCommandResult> result) implements EngineCommand {}

    record Cancel(CancelOrder command, CompletableFuture<OrderCommandResult> result) implements EngineCommand {}

    record CancelAll(CancelAllOrders command, CompletableFuture<CancelAllResult> result) implements EngineCommand {}

    /** The answer to a broker request, or why it was never sent ({@code notSent}). */
    record BrokerReply(
            ClientOrderId orderId,
            BrokerOperation operation,
            Optional<BrokerResult<BrokerOrderId>> result,
            Optional<String> notSent)
            implements EngineCommand {}

    record OrderUpdate(String broker, BrokerOrder order, Optional<CompletableFuture<Void>> done)
            implements EngineCommand {}

    record TradeReport(String broker, BrokerTrade trade, Optional<CompletableFuture<Void>> done)
            implements EngineCommand {}

    /** A fill entered from outside for an order on a venue that takes them (checked by the caller). */
    record ExternalFill(RecordExternalFill fill, CompletableFuture<ExternalFillResult> result)
            implements EngineCommand {}

    record MalformedPayload(String broker, String rawPayload, String problem) implements EngineCommand {}

    record StreamReconnected(String broker) implements EngineCommand {}

    record SetLimits(AccountId account, RiskLimits limits, String actor, CompletableFuture<LimitsChangeResult> result)
            implements EngineCommand {}

    record SetTradingState(
            AccountId account,
            TradingState state,
            String reason,
            String actor,
            CompletableFuture<TradingStateResult> result)
            implements EngineCommand {}

    record MarkPrice(InstrumentId instrument, Price price) implements EngineCommand {}

    record TimerTick(CompletableFuture<Void> done) implements EngineCommand {}

    record ReadSnapshot(CompletableFuture<EngineSnapshot> result) implements EngineCommand {}

    record ExpireDue(CompletableFuture<List<ClientOrderId>> result) implements EngineCommand {}

    record ResolveUnknown(
            ClientOrderId orderId, Optional<BrokerOrder> atBroker, CompletableFuture<OrderCommandResult> result)
            implements EngineCommand {}

    record CloseNotKnownAtBroker(ClientOrderId orderId, String reason, CompletableFuture<OrderCommandResult> result)
            implements EngineCommand {}
}
