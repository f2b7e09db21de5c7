package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.config.Secret;
import io.openoms.app.http.ApiClient.Response;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.Role;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The per-key request rate limit over real HTTP, on an app whose budgets are tiny and refill one request
 * per 1000 s: 6 requests per key, 3 of them order entry. No test waits for a refill, so every refusal is
 * deterministic. Each test makes its own keys, so the tests share the app but no budget.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestLimitApiSuite {
    private static final String TINY_BUDGETS =
            """
            security:
              rate-limit:
                requests-per-second: 0.001
                burst: 6
                order-requests-per-second: 0.001
                order-burst: 3
            """;

    private final AtomicInteger keys = new AtomicInteger();
    private ApiTestApp app;
    private ApiClient client;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        app = ApiTestApp.start(database(), TINY_BUDGETS);
        client = app.client;
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_fourth_order_of_a_key_with_an_order_budget_of_three_gets_429_with_retry_after_and_is_not_stored() {
        String trader = newKey(Role.TRADER);
        for (int i = 1; i <= 3; i++) {
            Response created = client.post(trader, "/api/v1/orders", limitBuy("burst-" + i, "limits-refused"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        Response refused = client.post(trader, "/api/v1/orders", limitBuy("burst-4", "limits-refused"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        JsonNode body = refused.json();
        assertThat(body.get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(body.get("message").asText())
                .contains("order-entry requests")
                .contains("0.001 per second")
                .contains("bursts of 3");
        JsonNode details = body.get("details");
        assertThat(details.get("budget").asText()).isEqualTo("orders");
        assertThat(details.get("burst").asInt()).isEqualTo(3);
        assertThat(details.get("requestsPerSecond").asText()).isEqualTo("0.001");
        assertThat(details.get("retryAfterSeconds").isIntegralNumber()).isTrue();
        // One request per 1000 s: the next is due 1000 s after the first order, less the seconds this test took.
        assertThat(details.get("retryAfterSeconds").asLong()).isBetween(1L, 1000L);
        assertThat(refused.raw().headers().firstValue("Retry-After"))
                .hasValue(details.get("retryAfterSeconds").asText());

        String viewer = newKey(Role.VIEWER);
        Response missing = client.get(viewer, "/api/v1/orders/" + clientOrderId("burst-4"));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        Response listed = client.get(viewer, "/api/v1/orders?strategy=limits-refused");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(3);
    }

    @Test
    void a_key_out_of_order_budget_may_still_read_and_cancel_until_its_request_budget_is_spent_too() {
        String trader = newKey(Role.TRADER);
        for (int i = 1; i <= 3; i++) {
            assertThat(client.post(trader, "/api/v1/orders", limitBuy("spent-" + i, "limits-spent"))
                            .status())
                    .isEqualTo(201);
        }
        assertThat(client.post(trader, "/api/v1/signals", signal()).status()).isEqualTo(429);

        // 6 - 3 orders leaves 3 requests: the refused signal took none of them.
        Response cancelAll = client.post(trader, "/api/v1/orders/cancel-all", "{\"strategy\":\"limits-spent\"}");
        assertThat(cancelAll.status()).as(cancelAll.toString()).isEqualTo(202);
        assertThat(cancelAll.json().get("requested")).hasSize(3);
        assertThat(client.get(trader, "/api/v1/orders?strategy=limits-spent").status())
                .isEqualTo(200);
        assertThat(client.get(trader, "/api/v1/positions").status()).isEqualTo(200);

        Response refused = client.get(trader, "/api/v1/orders?strategy=limits-spent");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().get("details").get("budget").asText()).isEqualTo("requests");
        assertThat(refused.json().get("details").get("burst").asInt()).isEqualTo(6);
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void another_key_is_not_slowed_by_a_key_that_spent_its_budgets() {
        String runaway = newKey(Role.TRADER);
        for (int i = 1; i <= 3; i++) {
            client.post(runaway, "/api/v1/orders", limitBuy("runaway-" + i, "limits-runaway"));
        }
        for (int i = 0; i < 3; i++) {
            client.get(runaway, "/api/v1/orders?strategy=limits-runaway");
        }
        assertThat(client.get(runaway, "/api/v1/positions").status()).isEqualTo(429);
        assertThat(client.post(runaway, "/api/v1/orders", limitBuy("runaway-4", "limits-runaway"))
                        .status())
                .isEqualTo(429);

        String calm = newKey(Role.TRADER);
        Response created = client.post(calm, "/api/v1/orders", limitBuy("calm-1", "limits-calm"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(client.get(newKey(Role.VIEWER), "/api/v1/orders?strategy=limits-runaway")
                        .json()
                        .get("items"))
                .hasSize(3);
    }

    @Test
    void the_kill_switch_answers_a_key_that_spent_its_budget_and_health_and_metrics_are_not_counted() {
        String admin = newKey(Role.ADMIN);
        for (int i = 0; i < 6; i++) {
            assertThat(client.get(admin, "/api/v1/risk/trading-state").status()).isEqualTo(200);
        }
        assertThat(client.get(admin, "/api/v1/risk/trading-state").status()).isEqualTo(429);

        Response halt =
                client.put(admin, "/api/v1/risk/trading-state", "{\"state\":\"ACTIVE\",\"reason\":\"limits test\"}");

        assertThat(halt.status()).as(halt.toString()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(admin, "/health").status()).isEqualTo(200);
            assertThat(client.get(admin, "/metrics").status()).isEqualTo(200);
        }
    }

    private String newKey(Role role) {
        ApiKeyStore store = ApiKeyStore.open(app.data, Secret.NONE, Clock.systemUTC());
        return store.create("limits-" + role.label() + "-" + keys.incrementAndGet(), role);
    }

    private static String clientOrderId(String name) {
        return "limits-" + name;
    }

    private static String limitBuy(String name, String strategy) {
        return "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\",\"price\":\"1400.05\","
                + "\"strategy\":\"" + strategy + "\",\"clientOrderId\":\"" + clientOrderId(name) + "\"}";
    }

    private static String signal() {
        return "{\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":1,\"reason\":\"limits test\"}";
    }
}
