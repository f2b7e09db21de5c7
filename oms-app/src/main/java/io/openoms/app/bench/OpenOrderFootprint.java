package io.openoms.app.bench;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.Side;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;

/**
 * The heap an open order costs the engine: {@code N} working limit orders (GTC, acknowledged by the
 * broker, each with its own ids, spread over 50 instruments) entered into an {@link OrderManager}, the
 * heap measured after a full GC before and after, divided by {@code N}. It counts the order, its
 * indexes (by id, broker id, open orders) and the running open-order totals; not the journal batch
 * or published events, which are transient. Run with {@code java -cp oms.jar
 * io.openoms.app.bench.OpenOrderFootprint [N]} (default 200,000); see docs/performance.md.
 */
public final class OpenOrderFootprint {
    private OpenOrderFootprint() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Instant now = Instant.parse("2026-12-07T04:00:00Z");
        OrderRequest[] requests = new OrderRequest[50];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = OrderRequest.builder()
                    .account("PAPER")
                    .strategy("footprint")
                    .instrument("NSE:SYM" + i)
                    .side(i % 2 == 0 ? Side.BUY : Side.SELL)
                    .type(OrderType.LIMIT)
                    .quantity(1 + i)
                    .limitPrice("101.25")
                    .timeInForce(TimeInForce.GTC)
                    .build();
        }
        long before = usedAfterGc();
        OrderManager orders = new OrderManager();
        for (int i = 0; i < count; i++) {
            ClientOrderId id = ClientOrderId.of(String.format("OMS-%012d", i));
            orders.create(id, requests[i % requests.length], Optional.empty(), now);
            orders.release(id, now);
            orders.markSubmitted(id, now);
            orders.accept(id, BrokerOrderId.of(String.format("B%015d", i)), now);
        }
        long after = usedAfterGc();
        System.out.printf(
                "open orders %,d; heap %,d -> %,d bytes; %,d bytes per open order (%d held)%n",
                count,
                before,
                after,
                (after - before) / count,
                orders.openOrderView().size());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
