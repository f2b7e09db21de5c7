package io.openoms.simulators.kite;

import static io.openoms.simulators.kite.KiteSimulatorFixture.INFY_ID;
import static io.openoms.simulators.kite.KiteSimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.value.Price;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KiteStreamIT {
    private KiteSimulatorFixture kite = new KiteSimulatorFixture();

    @AfterEach
    void stop() {
        kite.close();
    }

    private StreamClient connect() {
        StreamClient client = StreamClient.connect(kite.simulator, kite.simulator.accessToken());
        // a connection the server still holds from an earlier test step may take a moment to go
        awaitConnections(1);
        return client;
    }

    private void awaitConnections(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (kite.simulator.streamConnections() != count) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "expected " + count + " stream connections, have " + kite.simulator.streamConnections());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private int handshakeStatus(String apiKey, String accessToken) {
        try {
            StreamClient.attempt(kite.simulator, apiKey, accessToken).join().abort();
            throw new AssertionError("the handshake was accepted");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    @Test
    void a_handshake_without_a_live_token_is_refused() {
        assertThat(handshakeStatus("kitesimkey", "wrong")).isEqualTo(403);
        assertThat(handshakeStatus("otherkey", "kitesimtoken")).isEqualTo(403);
    }

    @Test
    void order_frames_follow_a_placement_its_fill_and_a_cancel() {
        try (StreamClient stream = connect()) {
            String filled = kite.place("regular", order("order_type", "LIMIT", "price", "95", "tag", "T1"));
            JsonNode open = stream.nextOrderFrame();
            kite.simulator.setPrice(INFY_ID, Price.of(95));
            JsonNode complete = stream.nextOrderFrame();
            String cancelled = kite.place("regular", order("order_type", "LIMIT", "price", "90"));
            JsonNode secondOpen = stream.nextOrderFrame();
            kite.delete("/orders/regular/" + cancelled);
            JsonNode cancel = stream.nextOrderFrame();

            assertThat(open.get("type").asText()).isEqualTo("order");
            assertThat(open.get("data").get("order_id").asText()).isEqualTo(filled);
            assertThat(open.get("data").get("status").asText()).isEqualTo("OPEN");
            assertThat(open.get("data").get("tag").asText()).isEqualTo("T1");
            assertThat(complete.get("data").get("status").asText()).isEqualTo("COMPLETE");
            assertThat(complete.get("data").get("filled_quantity").asInt()).isEqualTo(10);
            assertThat(complete.get("data").get("average_price").decimalValue()).isEqualByComparingTo("95");
            assertThat(complete.get("data").get("unfilled_quantity").asInt()).isZero();
            assertThat(secondOpen.get("data").get("order_id").asText()).isEqualTo(cancelled);
            assertThat(cancel.get("data").get("status").asText()).isEqualTo("CANCELLED");
            assertThat(cancel.get("data").get("cancelled_quantity").asInt()).isEqualTo(10);
        }
    }

    @Test
    void an_order_frame_is_shaped_as_a_postback_with_a_valid_checksum() {
        try (StreamClient stream = connect()) {
            kite.place("regular", order("order_type", "MARKET"));
            JsonNode data = stream.nextOrderFrame().get("data");

            assertThat(KiteSimulatorFixture.fieldNames(data))
                    .contains(
                            "user_id",
                            "unfilled_quantity",
                            "app_id",
                            "checksum",
                            "placed_by",
                            "order_id",
                            "exchange_order_id",
                            "parent_order_id",
                            "status",
                            "status_message",
                            "status_message_raw",
                            "order_timestamp",
                            "exchange_update_timestamp",
                            "exchange_timestamp",
                            "variety",
                            "exchange",
                            "tradingsymbol",
                            "instrument_token",
                            "order_type",
                            "transaction_type",
                            "validity",
                            "product",
                            "quantity",
                            "disclosed_quantity",
                            "price",
                            "trigger_price",
                            "average_price",
                            "filled_quantity",
                            "pending_quantity",
                            "cancelled_quantity",
                            "market_protection",
                            "meta",
                            "tag",
                            "guid");
            assertThat(data.get("checksum").asText())
                    .isEqualTo(KiteBook.sha256(data.get("order_id").asText()
                            + data.get("order_timestamp").asText() + "kitesimsecret"));
            assertThat(data.get("order_id").isTextual()).isTrue();
        }
    }

    @Test
    void without_placement_acknowledgements_the_first_frame_is_the_fill_as_on_the_real_kite() {
        kite.close();
        kite = new KiteSimulatorFixture(config -> config.streamPlacementAcknowledgements(false));
        try (StreamClient stream = connect()) {
            kite.place("regular", order("order_type", "LIMIT", "price", "95"));
            kite.simulator.setPrice(INFY_ID, Price.of(95));

            assertThat(stream.nextOrderFrame().get("data").get("status").asText())
                    .isEqualTo("COMPLETE");
        }
    }

    @Test
    void a_heartbeat_is_one_binary_byte() {
        try (StreamClient stream = connect()) {
            kite.simulator.sendHeartbeat();

            StreamClient.Message message = stream.next();
            assertThat(message.kind()).isEqualTo("binary");
            assertThat(message.bytes()).hasSize(1);
        }
    }

    @Test
    void a_configured_heartbeat_arrives_on_its_own() {
        kite.close();
        kite = new KiteSimulatorFixture(config -> config.heartbeatInterval(java.time.Duration.ofMillis(50)));
        try (StreamClient stream = connect()) {
            assertThat(stream.next().bytes()).hasSize(1);
        }
    }

    @Test
    void a_ping_is_answered_with_a_pong() {
        try (StreamClient stream = connect()) {
            stream.socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2}));

            assertThat(stream.next().kind()).isEqualTo("pong");
        }
    }

    @Test
    void a_duplicated_update_arrives_twice() {
        try (StreamClient stream = connect()) {
            kite.simulator.faults().duplicateNextUpdates(1);
            kite.place("regular", order("order_type", "LIMIT", "price", "95"));

            JsonNode first = stream.nextOrderFrame();
            JsonNode second = stream.nextOrderFrame();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void a_reordered_acknowledgement_arrives_after_the_fill() {
        try (StreamClient stream = connect()) {
            kite.simulator.faults().reorderNextPlacements(1);
            kite.place("regular", order("order_type", "LIMIT", "price", "95"));
            kite.simulator.setPrice(INFY_ID, Price.of(95));

            assertThat(stream.nextOrderFrame().get("data").get("status").asText())
                    .isEqualTo("COMPLETE");
            JsonNode stale = stream.nextOrderFrame().get("data");
            assertThat(stale.get("status").asText()).isEqualTo("OPEN");
            assertThat(stale.get("filled_quantity").asInt()).isZero();
        }
    }

    @Test
    void a_malformed_update_arrives_as_truncated_json() {
        try (StreamClient stream = connect()) {
            kite.simulator.faults().malformNextUpdates(1);
            kite.place("regular", order("order_type", "LIMIT", "price", "95"));
            kite.simulator.sendHeartbeat();

            StreamClient.Message message = stream.next();
            assertThat(message.kind()).isEqualTo("text");
            assertThat(message.text()).startsWith("{\"type\":\"order\"");
            assertThatThrownBy(message::json).isInstanceOf(java.io.UncheckedIOException.class);
        }
    }

    @Test
    void a_connection_is_open_at_the_server_once_its_handshake_is_answered_and_counts_the_frames_sent_on_it() {
        try (StreamClient stream = StreamClient.connect(kite.simulator, kite.simulator.accessToken())) {
            assertThat(kite.simulator.streamTextFrames()).containsExactly(0L);

            kite.place("regular", order("order_type", "LIMIT", "price", "95"));
            kite.simulator.setPrice(INFY_ID, Price.of(95));
            kite.simulator.sendHeartbeat();

            assertThat(kite.simulator.streamTextFrames()).containsExactly(2L);
            assertThat(stream.nextOrderFrame().get("data").get("status").asText())
                    .isEqualTo("OPEN");
            assertThat(stream.nextOrderFrame().get("data").get("status").asText())
                    .isEqualTo("COMPLETE");
        }
    }

    @Test
    void a_dropped_stream_closes_and_a_new_connection_gets_nothing_replayed() {
        try (StreamClient stream = connect()) {
            kite.simulator.faults().dropStreams();

            assertThat(stream.next().kind()).isEqualTo("closed");
        }
        awaitConnections(0);
        kite.place("regular", order("order_type", "LIMIT", "price", "95"));
        try (StreamClient again = connect()) {
            kite.simulator.sendHeartbeat();

            assertThat(again.next().kind()).isEqualTo("binary");
        }
    }

    @Test
    void refused_streams_cannot_connect_until_allowed_again() {
        kite.simulator.faults().refuseStreams(true);

        assertThat(handshakeStatus("kitesimkey", "kitesimtoken")).isEqualTo(503);

        kite.simulator.faults().refuseStreams(false);
        try (StreamClient stream = connect()) {
            assertThat(kite.simulator.streamConnections()).isEqualTo(1);
        }
    }

    @Test
    void an_expired_session_closes_the_stream_and_refuses_reconnects() {
        try (StreamClient stream = connect()) {
            kite.simulator.faults().expireSession();

            assertThat(stream.next().kind()).isEqualTo("closed");
        }
        assertThat(handshakeStatus("kitesimkey", "kitesimtoken")).isEqualTo(403);
    }
}
