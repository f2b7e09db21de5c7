package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.security.ApiKeyStore;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Webhooks from charting platforms: an admin creates a strategy's token; alerts posted to its URL (no API
 * key, any content type) place orders for that strategy through the signal checks; a re-sent alert places
 * one order; a Chartink scan places one order per stock; the token is stored hashed and is limited.
 */
class WebhookApiIT {
    private static final String TRADINGVIEW_ALERT =
            "{\"symbol\":\"NSE:INFY\",\"side\":\"buy\",\"qty\":\"2\"," + "\"reason\":\"EMA cross on 15m\"}";

    @Test
    void a_tradingview_alert_places_one_order_for_the_tokens_strategy_even_when_sent_twice() throws Exception {
        try (ApiTestApp app = ApiTestApp.start(io.openoms.app.http.TestDatabase.Kind.EMBEDDED, "")) {
            ApiClient api = app.client;
            ApiClient.Response created = api.post(app.admin, "/api/v1/webhooks", "{\"strategy\":\"ema-cross\"}");
            assertThat(created.status()).isEqualTo(201);
            String token = created.json().get("token").asText();
            assertThat(token).startsWith("whk_").hasSizeGreaterThanOrEqualTo(4 + 43);
            String path = created.json().get("path").asText();
            assertThat(path).isEqualTo("/api/v1/webhooks/" + token);

            ApiClient.Response first = api.post(null, path, TRADINGVIEW_ALERT);
            ApiClient.Response second = api.post(null, path, TRADINGVIEW_ALERT);

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().get("status").asText()).isEqualTo("accepted");
            JsonNode order = first.json().get("order");
            assertThat(order.get("strategy").asText()).isEqualTo("ema-cross");
            assertThat(order.get("side").asText()).isEqualTo("BUY");
            assertThat(second.status()).isIn(200, 201);
            assertThat(second.json().get("orderId").asText())
                    .isEqualTo(first.json().get("orderId").asText());
            JsonNode orders =
                    api.get(app.viewer, "/api/v1/orders?strategy=ema-cross").json();
            assertThat(orders.get("items")).hasSize(1);

            String stored = Files.readString(app.data.resolve(ApiKeyStore.WEBHOOK_FILE_NAME));
            assertThat(stored).contains("ema-cross").doesNotContain(token);
        }
    }

    @Test
    void an_alert_with_its_own_id_is_deduplicated_by_it_and_a_chartink_scan_places_one_order_per_stock() {
        try (ApiTestApp app = ApiTestApp.start(io.openoms.app.http.TestDatabase.Kind.EMBEDDED, "")) {
            ApiClient api = app.client;
            String path = api.post(app.admin, "/api/v1/webhooks", "{\"strategy\":\"scanner\"}")
                    .json()
                    .get("path")
                    .asText();

            String alert = "{\"id\":\"tv-1001\",\"symbol\":\"TCS\",\"side\":\"SELL\",\"qty\":1,\"reason\":\"x\"}";
            assertThat(api.post(null, path, alert).status()).isEqualTo(201);
            assertThat(api.post(null, path, alert).json().get("orderId").asText())
                    .isEqualTo("tv-1001");

            String scan =
                    "{\"stocks\":\"SBIN,RELIANCE\",\"trigger_prices\":\"800.5,1400\",\"triggered_at\":\"2:34 pm\","
                            + "\"scan_name\":\"Short term breakouts\",\"scan_url\":\"short-term-breakouts\","
                            + "\"alert_name\":\"Alert for Short term breakouts\"}";
            ApiClient.Response chartink = api.post(null, path + "?side=BUY&qty=1", scan);
            assertThat(chartink.status()).isEqualTo(200);
            assertThat(chartink.json().get("results").findValuesAsText("status"))
                    .containsExactly("accepted", "accepted");
            ApiClient.Response again = api.post(null, path + "?side=BUY&qty=1", scan);
            assertThat(again.json().get("results").findValuesAsText("orderId"))
                    .isEqualTo(chartink.json().get("results").findValuesAsText("orderId"));
            assertThat(api.get(app.viewer, "/api/v1/orders?strategy=scanner")
                            .json()
                            .get("items"))
                    .hasSize(3);
        }
    }

    @Test
    void unknown_tokens_malformed_alerts_and_other_roles_are_refused_and_a_revoked_token_stops_working() {
        try (ApiTestApp app = ApiTestApp.start(io.openoms.app.http.TestDatabase.Kind.EMBEDDED, "")) {
            ApiClient api = app.client;
            assertThat(api.post(app.trader, "/api/v1/webhooks", "{\"strategy\":\"s1\"}")
                            .status())
                    .isEqualTo(403);
            String path = api.post(app.admin, "/api/v1/webhooks", "{\"strategy\":\"s1\"}")
                    .json()
                    .get("path")
                    .asText();
            assertThat(api.post(app.admin, "/api/v1/webhooks", "{\"strategy\":\"s1\"}")
                            .status())
                    .isEqualTo(409);

            assertThat(api.post(null, "/api/v1/webhooks/whk_not-a-token", TRADINGVIEW_ALERT)
                            .status())
                    .isEqualTo(404);
            ApiClient.Response malformed = api.post(null, path, "{\"symbol\":\"INFY\",\"side\":\"hold\"}");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("details").get("fields").fieldNames())
                    .toIterable()
                    .contains("side", "qty");
            assertThat(api.post(null, path + "?color=red", TRADINGVIEW_ALERT).status())
                    .isEqualTo(400);
            ApiClient.Response otherStrategy = api.post(
                    null,
                    path,
                    "{\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":1,\"reason\":\"r\",\"strategy\":\"other\"}");
            assertThat(otherStrategy.status()).isEqualTo(400);

            assertThat(api.get(app.admin, "/api/v1/webhooks").body()).contains("\"strategy\":\"s1\"");
            assertThat(api.delete(app.admin, "/api/v1/webhooks/s1").status()).isEqualTo(200);
            assertThat(api.post(null, path, TRADINGVIEW_ALERT).status()).isEqualTo(404);
            assertThat(WebhookRoutes.redact(path)).isEqualTo("/api/v1/webhooks/***");
        }
    }

    @Test
    void each_token_is_limited_to_its_request_rate() {
        try (ApiTestApp app = ApiTestApp.start(
                io.openoms.app.http.TestDatabase.Kind.EMBEDDED,
                "signals:\n  webhooks:\n    requests-per-minute: 1\n    burst: 2\n")) {
            ApiClient api = app.client;
            String path = api.post(app.admin, "/api/v1/webhooks", "{\"strategy\":\"burst\"}")
                    .json()
                    .get("path")
                    .asText();

            assertThat(api.post(null, path, TRADINGVIEW_ALERT).status()).isEqualTo(201);
            assertThat(api.post(null, path, TRADINGVIEW_ALERT).status()).isIn(200, 201);
            ApiClient.Response limited = api.post(null, path, TRADINGVIEW_ALERT);

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        }
    }
}
