package io.openoms.adapters.broker.mock;

import static io.openoms.adapters.broker.mock.SimulatedVenueMatchingTest.success;
import static io.openoms.adapters.broker.mock.VenueFixtures.INFY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.at;
import static io.openoms.adapters.broker.mock.VenueFixtures.calm;
import static io.openoms.adapters.broker.mock.VenueFixtures.limit;
import static io.openoms.adapters.broker.mock.VenueFixtures.market;
import static io.openoms.adapters.broker.mock.VenueFixtures.stop;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VenueFaultsTest {
    private final RecordingBrokerUpdates updates = new RecordingBrokerUpdates();
    private final SimulatedVenue venue = VenueFixtures.venue(calm().build(), updates);
    private final MockBrokerGateway gateway = new MockBrokerGateway(venue);
    private final VenueFaults faults = venue.faults();

    @Test
    void a_scripted_rejection_refuses_the_placement_with_its_reason_and_places_nothing() {
        faults.rejectNext(VenueOperation.PLACE, 1, "RMS: margin exceeds available funds");

        assertThat(gateway.place(market("O-1", Side.BUY, 10)))
                .isEqualTo(BrokerResult.rejected("RMS: margin exceeds available funds"));
        assertThat(venue.orders()).isEmpty();
        assertThat(updates.all()).isEmpty();
        assertThat(gateway.place(market("O-2", Side.BUY, 10))).isInstanceOf(BrokerResult.Success.class);
    }

    @Test
    void a_rejection_can_be_aimed_at_cancels_and_modifies() {
        Order order = limit("O-1", Side.BUY, 10, "90");
        gateway.place(order);
        faults.rejectNext(VenueOperation.CANCEL, 1, "order is being processed")
                .rejectNext(VenueOperation.MODIFY, 1, "maximum modifications reached");

        assertThat(gateway.cancel(order)).isEqualTo(BrokerResult.rejected("order is being processed"));
        assertThat(gateway.modify(order, OrderModification.quantity(Quantity.of(20))))
                .isEqualTo(BrokerResult.rejected("maximum modifications reached"));
        assertThat(venue.findOrder(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(venue.findOrder(order.id()).orElseThrow().quantity()).isEqualTo(Quantity.of(10));
    }

    @Test
    void an_exchange_rejection_after_acceptance_comes_as_a_rejected_update() {
        faults.rejectAfterAcknowledgementNext(1, "exchange: price outside the circuit band");

        BrokerOrderId id = success(gateway.place(market("O-1", Side.BUY, 10)));

        BrokerOrder rejected = venue.order(id).orElseThrow();
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.statusMessage()).contains("exchange: price outside the circuit band");
        assertThat(updates.statuses()).containsExactly("REJECTED");
        assertThat(venue.trades()).isEmpty();
    }

    @Test
    void a_submit_timeout_after_placing_answers_unknown_but_the_order_lives_and_is_found_by_its_tag() {
        faults.timeoutAfterApplyingNext(VenueOperation.PLACE, 1);
        Order order = limit("O-1", Side.BUY, 10, "90");

        assertThat(gateway.place(order)).isInstanceOf(BrokerResult.OutcomeUnknown.class);

        Optional<BrokerOrder> found = success(gateway.findOrder(order.id()));
        assertThat(found).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED));
        assertThat(updates.statuses()).containsExactly("OPEN");
    }

    @Test
    void a_submit_timeout_without_placing_answers_unknown_and_nothing_exists_at_the_venue() {
        faults.timeoutBeforeApplyingNext(VenueOperation.PLACE, 1);
        Order order = market("O-1", Side.BUY, 10);

        BrokerResult<BrokerOrderId> result = gateway.place(order);

        assertThat(result).isInstanceOf(BrokerResult.OutcomeUnknown.class);
        assertThat(success(gateway.findOrder(order.id()))).isEmpty();
        assertThat(venue.orders()).isEmpty();
        assertThat(updates.all()).isEmpty();
    }

    @Test
    void both_kinds_of_timeout_give_the_same_answer_so_the_core_cannot_tell_them_apart() {
        faults.timeoutAfterApplyingNext(VenueOperation.PLACE, 1).timeoutBeforeApplyingNext(VenueOperation.PLACE, 1);

        BrokerResult<BrokerOrderId> notPlaced = gateway.place(market("O-1", Side.BUY, 1));
        BrokerResult<BrokerOrderId> placed = gateway.place(market("O-2", Side.BUY, 1));

        assertThat(notPlaced).isEqualTo(placed);
        assertThat(venue.orders()).hasSize(1);
    }

    @Test
    void a_cancel_timeout_after_applying_cancels_at_the_venue() {
        Order order = limit("O-1", Side.BUY, 10, "90");
        gateway.place(order);
        faults.timeoutAfterApplyingNext(VenueOperation.CANCEL, 1);

        assertThat(gateway.cancel(order)).isInstanceOf(BrokerResult.OutcomeUnknown.class);

        assertThat(venue.findOrder(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void every_update_is_pushed_twice_while_duplication_is_on() {
        faults.duplicateAllUpdates(true);

        gateway.place(market("O-1", Side.BUY, 10));

        assertThat(updates.statuses()).containsExactly("OPEN", "OPEN", "COMPLETE", "COMPLETE");
        assertThat(updates.trades()).hasSize(2);
        assertThat(updates.trades().get(0)).isEqualTo(updates.trades().get(1));
        assertThat(venue.trades()).hasSize(1);

        faults.duplicateAllUpdates(false);
        updates.clear();
        gateway.place(market("O-2", Side.BUY, 10));
        assertThat(updates.statuses()).containsExactly("OPEN", "COMPLETE");
    }

    @Test
    void a_counted_duplication_doubles_only_the_next_updates() {
        faults.duplicateNextUpdates(1);

        gateway.place(market("O-1", Side.BUY, 10));

        assertThat(updates.statuses()).containsExactly("OPEN", "OPEN", "COMPLETE");
        assertThat(updates.trades()).hasSize(1);
    }

    @Test
    void a_reordered_placement_pushes_its_fill_before_its_stale_acknowledgement() {
        faults.reorderNextPlacements(1);

        gateway.place(market("O-1", Side.BUY, 10));

        assertThat(updates.all())
                .extracting(received -> received.getClass().getSimpleName())
                .containsExactly("TradeReceived", "OrderReceived", "OrderReceived");
        assertThat(updates.orders())
                .extracting(BrokerOrder::status)
                .containsExactly(OrderStatus.FILLED, OrderStatus.ACCEPTED);
        assertThat(updates.lastOrder().filledQuantity()).isEqualTo(Quantity.ZERO);
    }

    @Test
    void a_reordered_resting_order_pushes_its_acknowledgement_after_the_cancel() {
        faults.reorderNextPlacements(1);
        Order order = limit("O-1", Side.BUY, 10, "90");
        gateway.place(order);
        assertThat(updates.all()).isEmpty();

        gateway.cancel(order);

        assertThat(updates.statuses()).containsExactly("CANCELLED", "OPEN");
    }

    @Test
    void updates_are_dropped_while_the_stream_is_disconnected_and_the_reconnect_is_announced() {
        venue.disconnectStream();
        Order order = market("O-1", Side.BUY, 10);
        gateway.place(order);

        assertThat(updates.all()).isEmpty();
        assertThat(venue.droppedUpdates()).isEqualTo(3);
        assertThat(venue.streamConnected()).isFalse();
        venue.reconnectStream();

        assertThat(updates.all()).containsExactly(new RecordingBrokerUpdates.ReconnectReceived("mock"));
        assertThat(success(gateway.findOrder(order.id())).orElseThrow().status())
                .isEqualTo(OrderStatus.FILLED);
        venue.reconnectStream();
        assertThat(updates.reconnects()).isEqualTo(1);
    }

    @Test
    void a_random_disconnect_lasts_the_configured_steps_then_reconnects() {
        RecordingBrokerUpdates recorded = new RecordingBrokerUpdates();
        SimulatedVenue flaky = VenueFixtures.venue(
                calm().faults(FaultProbabilities.none().withStreamDisconnect(1, 2))
                        .build(),
                recorded);

        flaky.step(at(1));
        assertThat(flaky.streamConnected()).isFalse();
        flaky.step(at(2));
        assertThat(flaky.streamConnected()).isFalse();
        flaky.step(at(3));

        assertThat(flaky.streamConnected()).isTrue();
        assertThat(recorded.reconnects()).isEqualTo(1);
    }

    @Test
    void rate_limited_calls_are_refused_with_a_retry_hint_and_change_nothing() {
        faults.rateLimitNext(VenueOperation.PLACE, 2).rateLimitNext(VenueOperation.QUERY, 1);

        BrokerResult<BrokerOrderId> refused = gateway.place(market("O-1", Side.BUY, 10));
        assertThat(refused).isInstanceOf(BrokerResult.RateLimited.class);
        assertThat(((BrokerResult.RateLimited<BrokerOrderId>) refused).retryAfter())
                .contains(Duration.ofSeconds(1));
        assertThat(gateway.place(market("O-1", Side.BUY, 10))).isInstanceOf(BrokerResult.RateLimited.class);
        assertThat(gateway.orders()).isInstanceOf(BrokerResult.RateLimited.class);

        assertThat(venue.orders()).isEmpty();
        assertThat(gateway.place(market("O-1", Side.BUY, 10))).isInstanceOf(BrokerResult.Success.class);
        assertThat(gateway.orders()).isInstanceOf(BrokerResult.Success.class);
    }

    @Test
    void a_cancel_delayed_behind_a_fill_reports_the_fill_then_the_cancel() {
        venue.setPrice(INFY_ID, Price.of(100));
        RecordingBrokerUpdates recorded = new RecordingBrokerUpdates();
        SimulatedVenue thin = VenueFixtures.venue(calm().liquidityPerStep(4).build(), recorded);
        Order order = limit("O-1", Side.BUY, 10, "95");
        BrokerOrderId id = success(thin.submit(order));
        thin.faults().fillBeforeNextCancels(1);

        assertThat(thin.cancel(order)).isEqualTo(BrokerResult.success(id));
        assertThat(thin.order(id).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        thin.step(at(1));

        BrokerOrder done = thin.order(id).orElseThrow();
        assertThat(done.filledQuantity()).isEqualTo(Quantity.of(4));
        assertThat(done.cancelledQuantity()).isEqualTo(Quantity.of(6));
        assertThat(done.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(recorded.trades())
                .singleElement()
                .satisfies(t -> assertThat(t.fill().price()).isEqualTo(Price.of(95)));
        assertThat(recorded.statuses()).containsExactly("OPEN", "OPEN", "CANCELLED");
    }

    @Test
    void a_cancel_delayed_behind_a_fill_that_fills_everything_leaves_the_order_complete() {
        Order order = limit("O-1", Side.BUY, 10, "95");
        BrokerOrderId id = success(gateway.place(order));
        faults.fillBeforeNextCancels(1);

        success(gateway.cancel(order));
        venue.step(at(1));

        assertThat(venue.order(id).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(gateway.cancel(order)).isInstanceOf(BrokerResult.Rejected.class);
    }

    @Test
    void a_delayed_cancel_of_an_untriggered_stop_just_cancels_at_the_next_step() {
        Order order = stop("O-1", Side.BUY, 10, "110");
        BrokerOrderId id = success(gateway.place(order));
        faults.fillBeforeNextCancels(1);

        success(gateway.cancel(order));
        venue.step(at(1));

        assertThat(venue.order(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(venue.trades()).isEmpty();
    }

    @Test
    void a_hidden_order_is_not_found_by_queries_for_the_given_steps_but_trades_meanwhile() {
        faults.hideNextPlacements(1, 2);
        Order order = market("O-1", Side.BUY, 10);
        BrokerOrderId id = success(gateway.place(order));

        assertThat(success(gateway.order(id))).isEmpty();
        assertThat(success(gateway.findOrder(order.id()))).isEmpty();
        assertThat(success(gateway.orders())).isEmpty();
        assertThat(success(gateway.trades())).hasSize(1);
        assertThat(updates.statuses()).containsExactly("OPEN", "COMPLETE");
        venue.step(at(1));
        assertThat(success(gateway.findOrder(order.id()))).isEmpty();
        venue.step(at(2));

        assertThat(success(gateway.findOrder(order.id()))).isPresent();
        assertThat(success(gateway.order(id))).isPresent();
        assertThat(success(gateway.orders())).hasSize(1);
    }

    @Test
    void an_expired_session_refuses_every_call_until_renewed() {
        faults.expireSession();

        assertThat(gateway.place(market("O-1", Side.BUY, 10))).isInstanceOf(BrokerResult.SessionExpired.class);
        assertThat(gateway.positions()).isInstanceOf(BrokerResult.SessionExpired.class);
        assertThat(venue.orders()).isEmpty();
        faults.renewSession();

        assertThat(gateway.place(market("O-1", Side.BUY, 10))).isInstanceOf(BrokerResult.Success.class);
    }

    @Test
    void a_malformed_payload_replaces_the_update_with_truncated_json() {
        faults.malformNextUpdates(1);

        gateway.place(market("O-1", Side.BUY, 10));

        assertThat(updates.malformed()).singleElement().satisfies(m -> {
            assertThat(m.broker()).isEqualTo("mock");
            assertThat(m.rawPayload()).startsWith("{\"type\":\"order\",\"data\":{\"order_id\":\"");
            assertThat(m.problem()).isEqualTo("unexpected end of JSON input");
        });
        assertThat(updates.statuses()).containsExactly("COMPLETE");
        assertThat(updates.trades()).hasSize(1);
    }

    @Test
    void probabilities_make_faults_happen_by_chance_from_the_seeded_random() {
        faults.probabilities(FaultProbabilities.none().withRejectPlacement(1, "simulated margin shortfall"));

        assertThat(gateway.place(market("O-1", Side.BUY, 10)))
                .isEqualTo(BrokerResult.rejected("simulated margin shortfall"));

        faults.probabilities(FaultProbabilities.none().withTimeouts(1, 0));
        assertThat(gateway.place(market("O-2", Side.BUY, 10))).isInstanceOf(BrokerResult.OutcomeUnknown.class);
        assertThat(venue.orders()).hasSize(1);

        faults.probabilities(FaultProbabilities.none().withRateLimit(1));
        assertThat(gateway.trades()).isInstanceOf(BrokerResult.RateLimited.class);
    }

    @Test
    void clearing_switches_every_fault_off() {
        faults.rejectNext(VenueOperation.PLACE, 5, "no")
                .rateLimitNext(VenueOperation.QUERY, 5)
                .duplicateAllUpdates(true)
                .expireSession()
                .probabilities(FaultProbabilities.none().withRateLimit(1));

        faults.clear();

        assertThat(gateway.place(market("O-1", Side.BUY, 10))).isInstanceOf(BrokerResult.Success.class);
        assertThat(gateway.orders()).isInstanceOf(BrokerResult.Success.class);
        assertThat(updates.statuses()).containsExactly("OPEN", "COMPLETE");
        assertThat(faults.probabilities()).isEqualTo(FaultProbabilities.none());
    }
}
