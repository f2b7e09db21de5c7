package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Shared test data: a config, a clock at 10:00 IST on a trading day, payloads, recording fakes. */
final class KiteFixtures {
    /** Friday 2026-11-20 10:00 IST. */
    static final Instant NOW = Instant.parse("2026-11-20T04:30:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String API_KEY = "xyz123";
    static final String API_SECRET = "mysecret";
    static final String ACCESS_TOKEN = "acc3ssT0ken";

    private KiteFixtures() {}

    static KiteConfig.Builder config() {
        return KiteConfig.builder(API_KEY).apiSecret(API_SECRET).accessToken(ACCESS_TOKEN);
    }

    static String resource(String name) {
        try (InputStream input = KiteFixtures.class.getResourceAsStream("/kite/" + name)) {
            if (input == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(input.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An order as the engine would hand it over, after release (and acceptance with {@code brokerId}). */
    static Order order(String id, UnaryOperator<OrderRequest.Builder> request, Optional<String> brokerId) {
        OrderManager orders = new OrderManager();
        ClientOrderId clientOrderId = ClientOrderId.of(id);
        OrderRequest built = request.apply(OrderRequest.builder()
                        .account("AB1234")
                        .strategy("s1")
                        .instrument("NSE:INFY")
                        .buy()
                        .quantity(10))
                .build();
        orders.create(clientOrderId, built, Optional.empty(), NOW);
        orders.release(clientOrderId, NOW);
        orders.markSubmitted(clientOrderId, NOW);
        brokerId.ifPresent(broker -> orders.accept(clientOrderId, BrokerOrderId.of(broker), NOW));
        return orders.get(clientOrderId);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Records everything handed into the core. */
    static final class RecordingUpdates implements BrokerUpdates {
        final List<BrokerOrder> orders = new CopyOnWriteArrayList<>();
        final List<BrokerTrade> trades = new CopyOnWriteArrayList<>();
        final List<String> malformed = new CopyOnWriteArrayList<>();
        final List<String> reconnects = new CopyOnWriteArrayList<>();

        @Override
        public void orderUpdated(String broker, BrokerOrder order) {
            orders.add(order);
        }

        @Override
        public void tradeReported(String broker, BrokerTrade trade) {
            trades.add(trade);
        }

        @Override
        public void malformedPayload(String broker, String rawPayload, String problem) {
            malformed.add(problem + " | " + rawPayload);
        }

        @Override
        public void streamReconnected(String broker) {
            reconnects.add(broker);
        }
    }

    /** Grants everything, or refuses everything, and records penalties. */
    static final class RecordingGuard implements RateLimitGuard {
        final List<String> penalties = new CopyOnWriteArrayList<>();
        final List<EndpointFamily> acquired = new CopyOnWriteArrayList<>();
        volatile boolean refuse;

        @Override
        public RateLimitDecision acquire(
                String broker, EndpointFamily family, RequestPriority priority, Duration maxWait) {
            acquired.add(family);
            return refuse
                    ? new RateLimitDecision.Refused("test refuses")
                    : new RateLimitDecision.Granted(Duration.ZERO);
        }

        @Override
        public void penalize(String broker, EndpointFamily family, Duration backoff) {
            penalties.add(broker + " " + family + " " + backoff);
        }

        @Override
        public Map<String, Map<EndpointFamily, RateLimitUsage>> usage() {
            return Map.of();
        }
    }
}
