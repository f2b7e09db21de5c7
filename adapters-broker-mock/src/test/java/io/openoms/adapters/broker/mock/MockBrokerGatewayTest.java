package io.openoms.adapters.broker.mock;

import static io.openoms.adapters.broker.mock.SimulatedVenueMatchingTest.success;
import static io.openoms.adapters.broker.mock.VenueFixtures.INFY;
import static io.openoms.adapters.broker.mock.VenueFixtures.INFY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.NIFTY;
import static io.openoms.adapters.broker.mock.VenueFixtures.T0;
import static io.openoms.adapters.broker.mock.VenueFixtures.at;
import static io.openoms.adapters.broker.mock.VenueFixtures.calm;
import static io.openoms.adapters.broker.mock.VenueFixtures.limit;
import static io.openoms.adapters.broker.mock.VenueFixtures.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MockBrokerGatewayTest {
    private final RecordingBrokerUpdates updates = new RecordingBrokerUpdates();
    private final SimulatedVenue venue =
            VenueFixtures.venue(calm().name("paper").build(), updates);
    private final BrokerGateway gateway = new MockBrokerGateway(venue);

    @Test
    void the_gateway_is_named_by_the_configuration_and_updates_carry_that_name() {
        gateway.place(market("O-1", Side.BUY, 1));

        assertThat(gateway.name()).isEqualTo("paper");
        assertThat(updates.all())
                .allSatisfy(received -> assertThat(received).hasFieldOrPropertyWithValue("broker", "paper"));
    }

    @Test
    void a_placement_is_tagged_with_its_client_order_id_and_found_by_it() {
        Order order = limit("O-42", Side.BUY, 10, "90");
        BrokerOrderId id = success(gateway.place(order));

        BrokerOrder found = success(gateway.findOrder(ClientOrderId.of("O-42"))).orElseThrow();
        assertThat(found.brokerOrderId()).isEqualTo(id);
        assertThat(found.clientOrderId()).contains(ClientOrderId.of("O-42"));
        assertThat(found.tag()).contains("O-42");
        assertThat(success(gateway.findOrder(ClientOrderId.of("O-43")))).isEmpty();
    }

    @Test
    void one_order_is_answered_by_its_broker_order_id_and_an_unknown_id_is_empty() {
        BrokerOrderId id = success(gateway.place(limit("O-1", Side.BUY, 10, "90")));

        Optional<BrokerOrder> found = success(gateway.order(id));
        assertThat(found).hasValueSatisfying(o -> {
            assertThat(o.instrument()).isEqualTo(INFY_ID);
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.limitPrice()).contains(Price.of(90));
            assertThat(o.pendingQuantity()).isEqualTo(Quantity.of(10));
        });
        assertThat(success(gateway.order(BrokerOrderId.of("999")))).isEmpty();
    }

    @Test
    void orders_trades_and_positions_list_the_day_ours_and_external_alike() {
        Order ours = market("O-1", Side.BUY, 10);
        BrokerOrderId ourId = success(gateway.place(ours));
        BrokerOrderId theirs = venue.placeExternal(ExternalOrder.market(INFY_ID, Side.SELL, Quantity.of(4)));
        success(gateway.place(limit("O-2", Side.BUY, 5, "90")));

        List<BrokerOrder> orders = success(gateway.orders());
        assertThat(orders)
                .extracting(BrokerOrder::brokerOrderId)
                .containsExactly(ourId, theirs, orders.get(2).brokerOrderId());
        assertThat(orders)
                .extracting(BrokerOrder::status)
                .containsExactly(OrderStatus.FILLED, OrderStatus.FILLED, OrderStatus.ACCEPTED);
        List<BrokerTrade> trades = success(gateway.trades());
        assertThat(trades).extracting(BrokerTrade::brokerOrderId).containsExactly(ourId, theirs);
        List<BrokerPosition> positions = success(gateway.positions());
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.instrument()).isEqualTo(INFY_ID);
            assertThat(p.netQuantity()).isEqualByComparingTo("6");
            assertThat(p.averagePrice()).contains(Price.of(100));
        });
    }

    @Test
    void a_cancel_finds_the_order_by_client_order_id_when_the_broker_id_is_not_yet_known() {
        Order order = limit("O-1", Side.BUY, 10, "90");
        BrokerOrderId id = success(gateway.place(order));
        assertThat(order.brokerOrderId()).isEmpty();

        assertThat(success(gateway.cancel(order))).isEqualTo(id);
        assertThat(venue.order(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void updates_caused_by_a_call_are_pushed_before_the_call_returns() {
        gateway.place(market("O-1", Side.BUY, 10));

        assertThat(updates.statuses()).containsExactly("OPEN", "COMPLETE");
        assertThat(updates.trades()).hasSize(1);
    }

    @Test
    void updates_are_kept_until_a_sink_is_attached_then_pushed_in_order() {
        SimulatedVenue detached = new SimulatedVenue(calm().build(), List.of(INFY, NIFTY), T0);
        new MockBrokerGateway(detached).place(market("O-1", Side.BUY, 10));
        RecordingBrokerUpdates late = new RecordingBrokerUpdates();

        detached.attach(late);

        assertThat(late.statuses()).containsExactly("OPEN", "COMPLETE");
    }

    @Test
    void updates_are_never_pushed_while_the_venue_is_locked() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        List<Boolean> venueFreeDuringPush = new ArrayList<>();
        SimulatedVenue probed = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        probed.attach(new ForwardingUpdates() {
            @Override
            public void orderUpdated(String broker, BrokerOrder order) {
                Future<List<BrokerOrder>> read = other.submit(probed::orders);
                try {
                    read.get(10, TimeUnit.SECONDS);
                    venueFreeDuringPush.add(true);
                } catch (Exception e) {
                    venueFreeDuringPush.add(false);
                }
            }
        });
        try {
            new MockBrokerGateway(probed).place(market("O-1", Side.BUY, 10));
        } finally {
            other.shutdownNow();
        }

        assertThat(venueFreeDuringPush).containsExactly(true, true);
    }

    @Test
    void a_sink_may_call_back_into_the_gateway_while_an_update_is_pushed() {
        SimulatedVenue reentrant = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        MockBrokerGateway reentrantGateway = new MockBrokerGateway(reentrant);
        List<Optional<BrokerOrder>> lookedUp = new ArrayList<>();
        reentrant.attach(new ForwardingUpdates() {
            @Override
            public void orderUpdated(String broker, BrokerOrder order) {
                lookedUp.add(success(reentrantGateway.order(order.brokerOrderId())));
            }
        });

        reentrantGateway.place(market("O-1", Side.BUY, 10));

        assertThat(lookedUp).hasSize(2).allSatisfy(o -> assertThat(o).isPresent());
    }

    @Test
    void placements_from_many_threads_while_the_venue_steps_lose_no_update() throws Exception {
        SimulatedVenue shared = VenueFixtures.venue(
                calm().volatilityTicks(2).liquidityPerStep(3).build(), updates);
        MockBrokerGateway sharedGateway = new MockBrokerGateway(shared);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger ids = new AtomicInteger();
        try {
            List<CompletableFuture<Void>> placing = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                placing.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 50; i++) {
                                success(sharedGateway.place(market("O-" + ids.incrementAndGet(), Side.BUY, 7)));
                            }
                        },
                        pool));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(placing.toArray(CompletableFuture[]::new));
            int step = 1;
            while (!all.isDone()) {
                shared.step(at(step++));
            }
            all.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                shared.step(at(step++));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(shared.orders()).hasSize(200).allSatisfy(o -> assertThat(o.status())
                .isEqualTo(OrderStatus.FILLED));
        assertThat(updates.trades()).containsExactlyElementsOf(shared.trades());
        assertThat(shared.positions()).singleElement().satisfies(p -> assertThat(p.netQuantity())
                .isEqualByComparingTo("1400"));
    }

    @Test
    void a_call_made_while_another_thread_is_stuck_pushing_does_not_wait_and_its_updates_follow_in_order()
            throws Exception {
        CountDownLatch firstPushEntered = new CountDownLatch(1);
        CountDownLatch releasePush = new CountDownLatch(1);
        RecordingBrokerUpdates recorded = new RecordingBrokerUpdates();
        SimulatedVenue blocking = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        blocking.attach(new ForwardingUpdates() {
            @Override
            public void orderUpdated(String broker, BrokerOrder order) {
                firstPushEntered.countDown();
                try {
                    releasePush.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                recorded.orderUpdated(broker, order);
            }
        });
        MockBrokerGateway blockingGateway = new MockBrokerGateway(blocking);
        ExecutorService engineFull = Executors.newSingleThreadExecutor();
        try {
            Future<?> stuck = engineFull.submit(() -> blockingGateway.place(market("O-1", Side.BUY, 1)));
            assertThat(firstPushEntered.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<BrokerOrderId> second = CompletableFuture.supplyAsync(
                    () -> success(blockingGateway.place(limit("O-2", Side.BUY, 1, "90"))));
            BrokerOrderId secondId = second.get(30, TimeUnit.SECONDS);
            assertThat(recorded.orders()).isEmpty();
            releasePush.countDown();
            stuck.get(30, TimeUnit.SECONDS);

            assertThat(recorded.orders())
                    .extracting(BrokerOrder::brokerStatus)
                    .containsExactly("OPEN", "COMPLETE", "OPEN");
            assertThat(recorded.lastOrder().brokerOrderId()).isEqualTo(secondId);
        } finally {
            releasePush.countDown();
            engineFull.shutdownNow();
        }
    }

    @Test
    void a_sink_that_throws_loses_only_that_update() {
        SimulatedVenue venueWithFaultySink = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        RecordingBrokerUpdates recorded = new RecordingBrokerUpdates();
        venueWithFaultySink.attach(new ForwardingUpdates() {
            @Override
            public void orderUpdated(String broker, BrokerOrder order) {
                if (order.brokerStatus().equals("OPEN")) {
                    throw new IllegalStateException("engine bug");
                }
                recorded.orderUpdated(broker, order);
            }

            @Override
            public void tradeReported(String broker, BrokerTrade trade) {
                recorded.tradeReported(broker, trade);
            }
        });

        new MockBrokerGateway(venueWithFaultySink).place(market("O-1", Side.BUY, 1));

        assertThat(recorded.statuses()).containsExactly("COMPLETE");
        assertThat(recorded.trades()).hasSize(1);
    }

    /** A sink that ignores everything but what a test overrides. */
    private abstract static class ForwardingUpdates implements BrokerUpdates {
        @Override
        public void orderUpdated(String broker, BrokerOrder order) {}

        @Override
        public void tradeReported(String broker, BrokerTrade trade) {}

        @Override
        public void malformedPayload(String broker, String rawPayload, String problem) {}

        @Override
        public void streamReconnected(String broker) {}
    }
}
