package io.openoms.app.http;

import static io.openoms.app.http.OrderApiSuite.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * What a REST client sees when the broker misbehaves, each on an app whose simulated venue always
 * commits one fault ({@code broker.mock.faults.*}), on the database the subclass names.
 */
abstract class BrokerFaultApiSuite {
    private static final String INFY_BUY =
            "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\",\"price\":1450}";

    abstract TestDatabase.Kind database();

    /**
     * The engine answers a submit once the order is journalled and hands the placement to the broker
     * afterwards, so a placement the broker rate-limits beyond {@code engine.rate-limit-max-wait} is not
     * a 429 on the submit: the order is rejected by the broker, with the reason, and never placed twice.
     */
    @Test
    void a_placement_the_broker_rate_limits_past_the_allowed_wait_ends_rejected_by_the_broker() {
        String yaml =
                """
                engine:
                  rate-limit-max-wait: 0s
                broker:
                  mock:
                    faults:
                      rate-limit-probability: 1
                """;
        try (ApiTestApp app = ApiTestApp.start(database(), yaml)) {
            Response created = app.client.post(app.trader, "/api/v1/orders", INFY_BUY);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asText();

            JsonNode rejected = app.client.awaitStatus(app.viewer, id, "REJECTED");

            assertThat(rejected.get("rejection").get("source").asText()).isEqualTo("BROKER");
            assertThat(rejected.get("rejection").get("reason").asText()).contains("rate-limited");
            assertThat(rejected.get("brokerOrderId").isNull()).isTrue();
            assertThat(rejected.get("fills")).isEmpty();
        }
    }

    @Test
    void a_new_order_behind_a_submit_with_an_unknown_outcome_is_409_and_other_instruments_still_trade() {
        String yaml =
                """
                broker:
                  mock:
                    faults:
                      timeout-without-placing-probability: 1
                """;
        try (ApiTestApp app = ApiTestApp.start(database(), yaml)) {
            Response first = app.client.post(app.trader, "/api/v1/orders", INFY_BUY);
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            String id = first.json().get("id").asText();
            JsonNode unknown =
                    app.client.await(app.viewer, "/api/v1/orders/" + id, order -> !order.get("outcomeUnknown")
                            .isNull());
            assertThat(unknown.get("outcomeUnknown").get("operation").asText()).isEqualTo("SUBMIT");
            assertThat(unknown.get("status").asText()).isEqualTo("SUBMITTED");

            Response held = app.client.post(app.trader, "/api/v1/orders", INFY_BUY.replace("1450", "1451"));
            Response elsewhere = app.client.post(
                    app.trader,
                    "/api/v1/orders",
                    INFY_BUY.replace("NSE:INFY", "NSE:SBIN").replace("1450", "790"));

            assertThat(held.status()).as(held.toString()).isEqualTo(409);
            assertThat(held.json().get("code").asText()).isEqualTo("BROKER_OUTCOME_UNKNOWN_HOLD");
            assertThat(held.json().get("message").asText()).contains(id);
            assertErrorShape(held);
            assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
            assertThat(app.client
                            .get(app.viewer, "/api/v1/orders?instrument=NSE:INFY")
                            .json()
                            .get("items"))
                    .hasSize(1);
        }
    }
}
