package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The SSE stream over real HTTP: replay from the journal, resume with Last-Event-ID, live continuation,
 * the stream limit; one started app per class on the database the subclass names. Only the resume test
 * submits orders, so the journal holds exactly its events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EventStreamSuite {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int MAX_STREAMS = 64;

    private ApiTestApp app;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        app = ApiTestApp.start(database(), "");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void a_stream_resumed_with_last_event_id_continues_after_it_without_gaps_or_duplicates() throws Exception {
        submit("3400");
        submit("3401");

        List<Event> replay;
        try (EventStream all = EventStream.open(app, "/api/v1/events?lastEventId=0", null)) {
            replay = all.awaitOrderEvents(4);
        }
        assertConsecutive(replay, 1);
        long resumeAfter = replay.get(1).id;

        try (EventStream resumed = EventStream.open(app, "/api/v1/events", Long.toString(resumeAfter))) {
            List<Event> first = resumed.awaitOrderEvents(2);
            assertThat(first.get(0).id).isEqualTo(resumeAfter + 1);
            long before = app.client
                    .get(app.viewer, "/api/v1/orders")
                    .json()
                    .get("items")
                    .size();
            submit("3402");
            assertThat(before).isEqualTo(2);
            List<Event> more = resumed.awaitOrderEventsOf(orderIdOfLastSubmit);
            assertConsecutive(resumed.allOrderEvents(), resumeAfter + 1);
            assertThat(more).isNotEmpty();
            assertThat(more.get(0).data.get("type").asText()).isEqualTo("OrderCreated");
        }
    }

    @Test
    @Order(2)
    void the_stream_needs_a_key_the_event_stream_accept_header_and_a_well_formed_last_event_id() {
        assertThat(app.client.get(null, "/api/v1/events").status()).isEqualTo(401);
        assertThat(app.client
                        .send(null, "GET", "/api/v1/events?lastEventId=abc", null)
                        .status())
                .as("a request without a key learns nothing about its other fields")
                .isEqualTo(401);
        ApiClient.Response bad = app.client.send(app.viewer, "GET", "/api/v1/events?lastEventId=abc", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details").get("fields").has("Last-Event-ID")).isTrue();
        ApiClient.Response notAccepted = app.client.get(app.viewer, "/api/v1/events");
        assertThat(notAccepted.status()).as(notAccepted.toString()).isEqualTo(406);
        assertThat(notAccepted.json().get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(notAccepted.json().get("message").asText()).contains("Accept: text/event-stream");
    }

    @Test
    @Order(3)
    void a_stream_beyond_the_limit_is_503_with_retry_after() throws Exception {
        // An app of its own: the server counts a closed stream until it next writes to it.
        try (ApiTestApp fresh = ApiTestApp.start(database(), "")) {
            List<EventStream> open = new ArrayList<>();
            try {
                for (int i = 0; i < MAX_STREAMS; i++) {
                    EventStream stream = EventStream.open(fresh, "/api/v1/events", null);
                    open.add(stream);
                    stream.awaitServed();
                }

                ApiClient.Response refused = fresh.client.get(fresh.viewer, "/api/v1/events");

                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.json().get("code").asText()).isEqualTo("TOO_MANY_STREAMS");
                assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("5");
                OrderApiSuite.assertErrorShape(refused);
            } finally {
                open.forEach(EventStream::close);
            }
        }
    }

    private String orderIdOfLastSubmit;

    private void submit(String price) {
        ApiClient.Response response = app.client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\",\"price\":\"" + price
                        + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        orderIdOfLastSubmit = response.json().get("id").asText();
    }

    private static void assertConsecutive(List<Event> events, long firstId) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id).as("event %d of %s", i, events).isEqualTo(firstId + i);
        }
    }

    record Event(String name, long id, JsonNode data) {}

    /** Reads an SSE response line by line on another thread; the test waits for events with a deadline. */
    static final class EventStream implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final CountDownLatch served = new CountDownLatch(1);
        private final List<Event> orderEvents = new ArrayList<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private EventStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
            this.response = response;
        }

        static EventStream open(ApiTestApp app, String path, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.client.base() + path))
                    .header("X-API-Key", app.viewer)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            CompletableFuture<HttpResponse<Stream<String>>> response =
                    app.client.http().sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            EventStream stream = new EventStream(response);
            HttpResponse<Stream<String>> answered = response.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            Thread reader = new Thread(() -> stream.read(answered.body()), "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
            return stream;
        }

        private void read(Stream<String> lines) {
            String[] name = {null};
            String[] id = {null};
            StringBuilder payload = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (payload.length() > 0) {
                            try {
                                events.add(new Event(
                                        name[0],
                                        id[0] == null ? -1 : Long.parseLong(id[0]),
                                        ApiClient.JSON.readTree(payload.toString())));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        name[0] = null;
                        id[0] = null;
                        payload.setLength(0);
                    } else if (line.startsWith(":")) {
                        served.countDown();
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id[0] = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        payload.append(line.substring(5).trim());
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        /** Waits for the server's first comment: the stream is being served (and counted). */
        void awaitServed() throws InterruptedException {
            assertThat(served.await(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .as("the stream was not served within " + DEADLINE)
                    .isTrue();
        }

        /** The next {@code count} order events (live-only events are skipped), waiting up to the deadline. */
        List<Event> awaitOrderEvents(int count) throws InterruptedException {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            List<Event> out = new ArrayList<>();
            while (out.size() < count) {
                Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("only " + out.size() + " of " + count + " order events: " + out);
                }
                if (event.id >= 0) {
                    out.add(event);
                    orderEvents.add(event);
                }
            }
            return out;
        }

        /** Order events until one of {@code orderId} arrived; returns that order's events seen. */
        List<Event> awaitOrderEventsOf(String orderId) throws InterruptedException {
            List<Event> of = new ArrayList<>();
            while (of.isEmpty()) {
                for (Event event : awaitOrderEvents(1)) {
                    if (event.data.get("orderId").asText().equals(orderId)) {
                        of.add(event);
                    }
                }
            }
            return of;
        }

        List<Event> allOrderEvents() {
            return orderEvents;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
