package io.openoms.adapters.broker.zerodha;

import static io.openoms.adapters.broker.zerodha.KiteFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.OrderStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KiteOrderStreamIT {
    private final MockWebServer server = new MockWebServer();
    private final KiteFixtures.RecordingUpdates updates = new KiteFixtures.RecordingUpdates();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OkHttpClient http = new OkHttpClient();
    private KiteOrderStream stream;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        scheduler.shutdownNow();
        http.dispatcher().cancelAll();
        http.connectionPool().evictAll();
        server.close();
    }

    private KiteConfig.Builder config() {
        String url = server.url("/").toString().replaceFirst("^http", "ws");
        return KiteFixtures.config()
                .wsUrl(URI.create(url))
                .streamInitialBackoff(Duration.ofMillis(10))
                .streamMaxBackoff(Duration.ofMillis(50));
    }

    private KiteOrderStream stream(KiteConfig config, Clock clock) {
        KiteSession session = new KiteSession(config, http, clock);
        return new KiteOrderStream(config, session, KiteTagRegistry.inMemory(), updates, http, scheduler, clock);
    }

    private static String orderFrame(String status, int filled) {
        String order = KiteFixtures.resource("postback.json")
                .replace("\"status\": \"COMPLETE\"", "\"status\": \"" + status + "\"")
                .replace("\"filled_quantity\": 10", "\"filled_quantity\": " + filled);
        return "{\"type\":\"order\",\"data\":" + order + "}";
    }

    private void enqueueSocket(WebSocketListener listener) {
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(listener).build());
    }

    /** Sends the frames when the client connects, then closes the connection. */
    private static WebSocketListener sending(boolean closeAfter, Object... frames) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                for (Object frame : frames) {
                    if (frame instanceof String text) {
                        webSocket.send(text);
                    } else {
                        webSocket.send((ByteString) frame);
                    }
                }
                if (closeAfter) {
                    webSocket.close(1000, "bye");
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
            }
        };
    }

    @Test
    void order_frames_become_updates_once_and_other_frames_are_recognised() throws Exception {
        enqueueSocket(sending(
                true,
                orderFrame("OPEN", 4),
                orderFrame("OPEN", 4),
                ByteString.of((byte) 0),
                ByteString.of(new byte[] {0, 1, 0, 8, 0, 6, 58, 1, 0, 0, 1, 1}),
                "{\"type\":\"message\",\"data\":\"Broker message\"}",
                "{not json " + KiteFixtures.ACCESS_TOKEN,
                "{\"type\":\"order\",\"data\":{\"order_id\":\"1\"}}",
                orderFrame("COMPLETE", 10)));
        enqueueSocket(sending(false));
        stream = stream(config().build(), KiteFixtures.CLOCK);

        stream.start();

        await(() -> updates.orders.size() == 2 && updates.malformed.size() == 2, "two updates and two malformed");
        await(() -> updates.reconnects.size() == 2, "a reconnect after the server closed");
        assertThat(updates.orders)
                .extracting(order -> order.status())
                .containsExactly(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(updates.malformed.get(0))
                .contains("not JSON")
                .doesNotContain(KiteFixtures.ACCESS_TOKEN)
                .contains("***");
        assertThat(updates.malformed.get(1)).contains("order update");
        assertThat(updates.reconnects).containsOnly("zerodha");
        assertThat(updates.trades).as("no fills are made up from order updates").isEmpty();
        RecordedRequest handshake = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(handshake.getUrl().queryParameter("api_key")).isEqualTo("xyz123");
        assertThat(handshake.getUrl().queryParameter("access_token")).isEqualTo(KiteFixtures.ACCESS_TOKEN);
        await(stream::isConnected, "connected again");
    }

    @Test
    void a_silent_connection_is_dropped_and_reopened() throws Exception {
        enqueueSocket(sending(false));
        enqueueSocket(sending(false, ByteString.of((byte) 0)));
        stream = stream(config().streamIdleTimeout(Duration.ofMillis(200)).build(), Clock.systemUTC());

        stream.start();

        await(() -> updates.reconnects.size() >= 2, "a reconnect after the idle timeout");
    }

    @Test
    void without_a_session_nothing_connects() throws Exception {
        KiteConfig config = KiteConfig.builder("xyz123")
                .wsUrl(URI.create(server.url("/").toString().replaceFirst("^http", "ws")))
                .build();
        stream = stream(config, KiteFixtures.CLOCK);

        stream.start();

        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(updates.reconnects).isEmpty();
    }

    @Test
    void a_handshake_refused_before_the_connect_call_returns_does_not_stop_the_reconnects() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        enqueueSocket(sending(false, orderFrame("OPEN", 4)));
        // The first handshake runs on the connecting thread, so its refusal is seen before the connect
        // call records the socket; later ones run on a pool as usual.
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool();
        ExecutorService firstInline = new AbstractExecutorService() {
            @Override
            public void execute(Runnable task) {
                if (calls.getAndIncrement() == 0) {
                    task.run();
                } else {
                    pool.execute(task);
                }
            }

            @Override
            public void shutdown() {
                pool.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return pool.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return pool.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return pool.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return pool.awaitTermination(timeout, unit);
            }
        };
        OkHttpClient inline =
                http.newBuilder().dispatcher(new Dispatcher(firstInline)).build();
        KiteConfig config = config().build();
        stream = new KiteOrderStream(
                config,
                new KiteSession(config, inline, KiteFixtures.CLOCK),
                KiteTagRegistry.inMemory(),
                updates,
                inline,
                scheduler,
                KiteFixtures.CLOCK);
        try {
            stream.start();

            await(() -> updates.orders.size() == 1, "the update after the reconnect");
            assertThat(updates.reconnects).hasSize(1);
            assertThat(stream.isConnected()).isTrue();
            assertThat(stream.framesSinceConnected()).isEqualTo(1);
        } finally {
            stream.close();
            pool.shutdownNow();
        }
    }

    @Test
    void reconnect_delays_double_up_to_the_cap() {
        KiteOrderStream backoff = stream(
                config().streamInitialBackoff(Duration.ofSeconds(2))
                        .streamMaxBackoff(Duration.ofSeconds(30))
                        .build(),
                KiteFixtures.CLOCK);

        assertThat(backoff.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.backoff(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.backoff(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.backoff(500)).isEqualTo(Duration.ofSeconds(30));
    }
}
