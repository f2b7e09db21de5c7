package io.openoms.simulators.kite;

import static io.openoms.simulators.kite.KiteSimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.adapters.broker.mock.VenueOperation;
import io.openoms.domain.order.ClientOrderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KiteFaultsIT {
    private final KiteSimulatorFixture kite = new KiteSimulatorFixture();

    @AfterEach
    void stop() {
        kite.close();
    }

    private HttpRequest placement(String tag, Duration timeout) {
        return kite.request("/orders/regular")
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(order("order_type", "LIMIT", "price", "95", "tag", tag)))
                .build();
    }

    @Test
    void a_rejection_carries_the_error_type_asked_for_and_places_nothing() {
        kite.simulator.faults().rejectNext(VenueOperation.PLACE, 1, KiteError.order("RMS: blocked for the day"));

        KiteSimulatorFixture.Reply reply = kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("OrderException");
        assertThat(reply.message()).isEqualTo("RMS: blocked for the day");
        assertThat(kite.venue.orders()).isEmpty();
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_rejection_set_on_the_venue_itself_answers_an_input_error_with_its_reason() {
        kite.venue.faults().rejectNext(VenueOperation.PLACE, 1, "insufficient funds");

        KiteSimulatorFixture.Reply reply = kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("InputException");
        assertThat(reply.message()).isEqualTo("insufficient funds");
    }

    @Test
    void a_held_reply_after_placing_times_the_client_out_but_the_order_lives_and_is_found_by_its_tag() {
        kite.simulator.faults().timeoutAfterApplyingNext(VenueOperation.PLACE, 1, LostReply.HOLD);

        assertThatThrownBy(() -> kite.http.send(
                        placement("LOST1", Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(kite.venue.findOrder(ClientOrderId.of("LOST1"))).isPresent();
        assertThat(kite.get("/orders").data())
                .anySatisfy(row -> assertThat(row.get("tag").asText()).isEqualTo("LOST1"));
    }

    @Test
    void a_held_reply_without_placing_times_the_client_out_and_nothing_is_placed() {
        kite.simulator.faults().timeoutBeforeApplyingNext(VenueOperation.PLACE, 1, LostReply.HOLD);

        assertThatThrownBy(() -> kite.http.send(
                        placement("LOST2", Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(kite.get("/orders").data()).isEmpty();
    }

    @Test
    void a_dropped_connection_after_placing_fails_the_read_but_the_order_lives() {
        kite.simulator.faults().timeoutAfterApplyingNext(VenueOperation.PLACE, 1, LostReply.DROP_CONNECTION);

        assertThatThrownBy(() -> kite.http.send(
                        placement("DROP1", Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        assertThat(kite.get("/orders").data()).hasSize(1);
        assertThat(kite.get("/orders").data().get(0).get("tag").asText()).isEqualTo("DROP1");
    }

    @Test
    void a_dropped_connection_without_placing_fails_the_read_and_nothing_is_placed() {
        kite.simulator.faults().timeoutBeforeApplyingNext(VenueOperation.PLACE, 1, LostReply.DROP_CONNECTION);

        assertThatThrownBy(() -> kite.http.send(
                        placement("DROP2", Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        assertThat(kite.get("/orders").data()).isEmpty();
    }

    @Test
    void an_unknown_outcome_of_a_cancel_still_cancels_when_the_venue_applied_it() {
        String id = kite.place("regular", order("order_type", "LIMIT", "price", "95"));
        kite.simulator.faults().timeoutAfterApplyingNext(VenueOperation.CANCEL, 1, LostReply.DROP_CONNECTION);

        assertThatThrownBy(() -> kite.delete("/orders/regular/" + id)).isInstanceOf(UncheckedIOException.class);

        assertThat(kite.statuses(id)).endsWith("CANCEL PENDING", "CANCELLED");
    }

    @Test
    void a_burst_of_429s_answers_too_many_requests_on_any_endpoint_then_passes() {
        kite.simulator.faults().rateLimitNextRequests(2);

        KiteSimulatorFixture.Reply first = kite.get("/quote/ltp?i=NSE:INFY");
        KiteSimulatorFixture.Reply second = kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"));
        KiteSimulatorFixture.Reply third = kite.get("/orders");

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.errorType()).isEqualTo("NetworkException");
        assertThat(first.message()).isEqualTo("Too many requests");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.data()).isEmpty();
    }

    @Test
    void a_venue_rate_limit_on_placements_answers_429_and_places_nothing() {
        kite.simulator.faults().rateLimitNext(VenueOperation.PLACE, 1);

        KiteSimulatorFixture.Reply reply = kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.errorType()).isEqualTo("NetworkException");
        assertThat(kite.venue.orders()).isEmpty();
    }

    @Test
    void server_errors_answer_their_status_and_type_and_a_proxy_error_is_an_html_page() {
        kite.simulator
                .faults()
                .failNextRequests(1, KiteError.general("boom"))
                .failNextRequests(1, KiteError.badGateway())
                .failNextRequests(1, KiteError.unavailable())
                .failNextRequests(1, KiteError.gatewayTimeout())
                .failNextRequests(1, KiteError.htmlPage(502));

        KiteSimulatorFixture.Reply general = kite.get("/orders");
        KiteSimulatorFixture.Reply badGateway = kite.get("/orders");
        KiteSimulatorFixture.Reply unavailable = kite.get("/orders");
        KiteSimulatorFixture.Reply timeout = kite.get("/orders");
        KiteSimulatorFixture.Reply html = kite.get("/orders");

        assertThat(general.status()).isEqualTo(500);
        assertThat(general.errorType()).isEqualTo("GeneralException");
        assertThat(badGateway.status()).isEqualTo(502);
        assertThat(badGateway.errorType()).isEqualTo("NetworkException");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(timeout.status()).isEqualTo(504);
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(kite.get("/orders").status()).isEqualTo(200);
    }

    @Test
    void an_expired_session_answers_token_errors_everywhere_until_a_new_login() {
        kite.simulator.faults().expireSession();

        for (String path :
                new String[] {"/orders", "/trades", "/quote/ltp?i=NSE:INFY", "/user/margins", "/instruments"}) {
            KiteSimulatorFixture.Reply reply = kite.get(path);
            assertThat(reply.status()).as(path).isEqualTo(403);
            assertThat(reply.errorType()).as(path).isEqualTo("TokenException");
        }
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"))
                        .status())
                .isEqualTo(403);

        String requestToken = kite.simulator.issueRequestToken();
        KiteSimulatorFixture.Reply login = kite.post(
                "/session/token",
                KiteSimulatorFixture.form(
                        "api_key",
                        "kitesimkey",
                        "request_token",
                        requestToken,
                        "checksum",
                        KiteBook.sha256("kitesimkey" + requestToken + "kitesimsecret")));
        kite.useToken(login.data().get("access_token").asText());

        assertThat(kite.get("/orders").status()).isEqualTo(200);
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_session_expired_at_the_venue_answers_token_errors_too() {
        kite.venue.faults().expireSession();

        KiteSimulatorFixture.Reply reply = kite.get("/orders");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorType()).isEqualTo("TokenException");
    }

    @Test
    void an_order_the_venue_hides_is_missing_from_the_book_until_it_shows() {
        kite.venue.faults().hideNextPlacements(1, 2);
        String id = kite.place("regular", order("order_type", "LIMIT", "price", "95"));

        assertThat(kite.get("/orders").data()).isEmpty();
        assertThat(kite.get("/orders/" + id).errorType()).isEqualTo("InputException");

        kite.simulator.step(Instant.parse("2024-03-04T04:30:01Z"));
        kite.simulator.step(Instant.parse("2024-03-04T04:30:02Z"));

        assertThat(kite.get("/orders").data()).hasSize(1);
    }

    @Test
    void clearing_the_faults_switches_every_one_off() {
        kite.simulator.faults().rateLimitNextRequests(5).rejectNext(VenueOperation.PLACE, 1, KiteError.order("x"));

        kite.simulator.faults().clear();

        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95"))
                        .status())
                .isEqualTo(200);
    }
}
