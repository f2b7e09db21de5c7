package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RequestPriority;
import io.openoms.domain.value.Quantity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Kite's order updates (stream and postbacks) to the core and, because they carry filled
 * quantities but no trade ids, fetches the trades of an order whose filled quantity grew ({@code GET
 * /orders/:id/trades}, one queries permit each) and hands them in too: fills reach positions within a
 * round trip of the update, not at the order monitor's next pass. The core drops trades it already
 * holds, so a trade fetched twice (here and by the monitor or a resync) is applied once. A fetch that
 * fails or finds no permit is left to the order monitor, which does the same from the day's trades.
 *
 * <p>Thread safety: safe from any thread; fetches run one at a time on {@code fetches}.
 */
public final class KiteStreamFills implements BrokerUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(KiteStreamFills.class);
    private static final Duration PERMIT_WAIT = Duration.ofSeconds(2);
    private static final int REMEMBERED_ORDERS = 10_000;

    private final BrokerUpdates core;
    private final KiteBrokerGateway gateway;
    private final RateLimitGuard rateLimits;
    private final ExecutorService fetches;
    private final Map<BrokerOrderId, Quantity> fetchedUpTo = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<BrokerOrderId, Quantity> eldest) {
            return size() > REMEMBERED_ORDERS;
        }
    };

    public KiteStreamFills(
            BrokerUpdates core, KiteBrokerGateway gateway, RateLimitGuard rateLimits, ExecutorService fetches) {
        this.core = requireNonNull(core, "core is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.fetches = requireNonNull(fetches, "fetches is null");
    }

    @Override
    public void orderUpdated(String broker, BrokerOrder order) {
        core.orderUpdated(broker, order);
        if (order.filledQuantity().isZero() || !grew(order.brokerOrderId(), order.filledQuantity())) {
            return;
        }
        try {
            fetches.execute(() -> fetchTrades(broker, order.brokerOrderId(), order.filledQuantity()));
        } catch (RejectedExecutionException e) {
            LOG.debug("not fetching the trades of {}: the session is closing", order.brokerOrderId());
        }
    }

    @Override
    public void tradeReported(String broker, BrokerTrade trade) {
        core.tradeReported(broker, trade);
    }

    @Override
    public void malformedPayload(String broker, String rawPayload, String problem) {
        core.malformedPayload(broker, rawPayload, problem);
    }

    @Override
    public void streamReconnected(String broker) {
        core.streamReconnected(broker);
    }

    private synchronized boolean grew(BrokerOrderId id, Quantity filled) {
        Quantity known = fetchedUpTo.get(id);
        return known == null || filled.isGreaterThan(known);
    }

    private synchronized void fetched(BrokerOrderId id, Quantity filled) {
        Quantity known = fetchedUpTo.get(id);
        if (known == null || filled.isGreaterThan(known)) {
            fetchedUpTo.put(id, filled);
        }
    }

    private void fetchTrades(String broker, BrokerOrderId id, Quantity filled) {
        if (!grew(id, filled)) {
            return;
        }
        RateLimitDecision decision;
        try {
            decision = rateLimits.acquire(broker, EndpointFamily.QUERIES, RequestPriority.NORMAL, PERMIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (decision instanceof RateLimitDecision.Refused refused) {
            LOG.info("trades of {} left to the order monitor: no queries permit ({})", id, refused.reason());
            return;
        }
        BrokerResult<List<BrokerTrade>> trades = gateway.trades(id);
        if (trades instanceof BrokerResult.Success<List<BrokerTrade>> success) {
            Quantity total = Quantity.ZERO;
            for (BrokerTrade trade : success.value()) {
                core.tradeReported(broker, trade);
                total = total.plus(trade.fill().quantity());
            }
            fetched(id, total);
        } else {
            LOG.info("trades of {} left to the order monitor: {}", id, trades);
        }
    }
}
