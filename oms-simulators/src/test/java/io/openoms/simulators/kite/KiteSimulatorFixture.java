package io.openoms.simulators.kite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openoms.adapters.broker.mock.MockVenueConfig;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A started simulator over a calm venue (no walk, no slippage, instant acks) listing INFY at 100 and a
 * NIFTY future at 22000, with a plain JDK HTTP client that speaks Kite: the version header, the
 * token authorisation and form-encoded bodies.
 */
final class KiteSimulatorFixture implements AutoCloseable {
    /** Monday 2024-03-04 10:00 in Mumbai. */
    static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");

    static final InstrumentId INFY_ID = InstrumentId.parse("NSE:INFY");
    static final InstrumentId NIFTY_ID = InstrumentId.parse("NFO:NIFTY24MARFUT");
    static final Instrument INFY =
            Instrument.of(INFY_ID, "0.05", 1, Currency.getInstance("INR"), TradingSession.indianEquities(Set.of()));
    static final Instrument NIFTY =
            Instrument.of(NIFTY_ID, "0.05", 50, Currency.getInstance("INR"), TradingSession.indianEquities(Set.of()));
    static final ObjectMapper JSON = new ObjectMapper();

    final SimulatedVenue venue;
    final KiteSimulator simulator;
    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private String token;

    KiteSimulatorFixture() {
        this(config -> {});
    }

    KiteSimulatorFixture(Consumer<KiteSimulatorConfig.Builder> customisation) {
        MockVenueConfig venueConfig = MockVenueConfig.builder()
                .seed(7)
                .volatilityTicks(0)
                .slippageTicks(0)
                .feeBasisPoints(BigDecimal.ZERO)
                .feePerFill(Money.ZERO)
                .ackLatency(Duration.ZERO)
                .initialPrice(INFY_ID, Price.of(100))
                .initialPrice(NIFTY_ID, Price.of(22000))
                .build();
        venue = new SimulatedVenue(venueConfig, List.of(INFY, NIFTY), T0);
        KiteSimulatorConfig.Builder config =
                KiteSimulatorConfig.builder().heartbeatInterval(Duration.ZERO).replyHold(Duration.ofSeconds(20));
        customisation.accept(config);
        simulator = new KiteSimulator(config.build(), venue, List.of(INFY, NIFTY)).start();
        token = simulator.accessToken();
    }

    @Override
    public void close() {
        simulator.close();
    }

    void useToken(String token) {
        this.token = token;
    }

    static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** A form for a placement: the given fields over a DAY CNC BUY of 10 NSE:INFY with market protection. */
    static String order(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exchange", "NSE");
        fields.put("tradingsymbol", "INFY");
        fields.put("transaction_type", "BUY");
        fields.put("quantity", "10");
        fields.put("product", "CNC");
        fields.put("validity", "DAY");
        fields.put("market_protection", "-1");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                fields.remove(overrides[i]);
            } else {
                fields.put(overrides[i], overrides[i + 1]);
            }
        }
        List<String> pairs = new ArrayList<>();
        fields.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(value);
        });
        return form(pairs.toArray(String[]::new));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("X-Kite-Version", "3")
                .header("Authorization", "token " + simulator.config().apiKey() + ":" + token);
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    Reply post(String path, String form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    Reply put(String path, String form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    Reply delete(String path) {
        return send(request(path).DELETE().build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Places an order and returns its id, asserting success. */
    String place(String variety, String form) {
        Reply reply = post("/orders/" + variety, form);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.data().get("order_id").asText();
    }

    List<String> statuses(String orderId) {
        Reply reply = get("/orders/" + orderId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        reply.data().forEach(row -> statuses.add(row.get("status").asText()));
        return statuses;
    }

    JsonNode current(String orderId) {
        Reply reply = get("/orders/" + orderId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode history = reply.data();
        return history.get(history.size() - 1);
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        JsonNode data() {
            JsonNode json = json();
            assertThat(json.get("status").asText()).as(body).isEqualTo("success");
            return json.get("data");
        }

        /** Asserts the error envelope and returns its {@code error_type}. */
        String errorType() {
            JsonNode json = json();
            assertThat(json.get("status").asText()).as(body).isEqualTo("error");
            assertThat(json.get("message").asText()).as(body).isNotBlank();
            return json.get("error_type").asText();
        }

        String message() {
            return json().get("message").asText();
        }
    }

    static Set<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().collect(Collectors.toSet());
    }
}
