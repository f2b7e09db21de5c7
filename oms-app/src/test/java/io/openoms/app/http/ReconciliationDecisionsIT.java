package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Under the {@code propose} policy reconciliation leaves its fixes waiting; an admin applies or
 * discards each over HTTP. The venue's update stream is down for good and the order monitor idle,
 * so a market order's fill reaches OpenOMS only through a reconciliation run.
 */
class ReconciliationDecisionsIT {
    /** Reconciliation proposes, the venue's update stream is down for good, the order monitor idle. */
    static final String YAML =
            """
            reconciliation:
              default-policy: propose
              run-at-startup: false
            schedules:
              order-monitor: 1h
              reconciliation: 1h
            broker:
              mock:
                faults:
                  stream-disconnect-probability: 1
                  disconnect-steps: 100000
            """;

    private static final Pattern PROPOSAL = Pattern.compile("proposed, approve or dismiss (\\S+):\\d+:");

    @Test
    void an_approved_fix_records_the_missing_fill_once_and_a_dismissed_one_is_kept_undone() {
        try (ApiTestApp app = ApiTestApp.start(TestDatabase.Kind.EMBEDDED, YAML)) {
            ApiClient client = app.client;
            awaitStreamDown(app);
            Response created = client.post(
                    app.trader,
                    "/api/v1/orders",
                    "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":\"1\",\"type\":\"MARKET\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String order = created.json().get("id").asText();

            JsonNode findings = runUntilProposed(app, "MISSING_FILL");
            String missingFill = proposalId(findings, "MISSING_FILL");
            String closedAtBroker = proposalId(findings, "ORDER_CLOSED_AT_BROKER");
            assertThat(client.get(app.viewer, "/api/v1/orders/" + order)
                            .json()
                            .get("filledQuantity")
                            .asText())
                    .isEqualTo("0");

            Response byViewer =
                    client.post(app.viewer, "/api/v1/reconciliation/findings/" + missingFill + "/approve", null);
            assertThat(byViewer.status()).isEqualTo(403);

            Response approved =
                    client.post(app.admin, "/api/v1/reconciliation/findings/" + missingFill + "/approve", null);
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.json().get("kind").asText()).isEqualTo("MISSING_FILL");
            assertThat(approved.json().get("action").asText()).startsWith("approved by admin");
            JsonNode filled = client.await(app.viewer, "/api/v1/orders/" + order, o -> o.get("filledQuantity")
                    .asText()
                    .equals("1"));
            assertThat(filled.get("fills")).hasSize(1);
            assertThat(client.get(app.viewer, "/api/v1/positions").json().get("items"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.get("quantity").asText()).isEqualTo("1"));

            Response again =
                    client.post(app.admin, "/api/v1/reconciliation/findings/" + missingFill + "/approve", null);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.json().get("code").asText()).isEqualTo("NOT_FOUND");

            Response dismissed =
                    client.post(app.admin, "/api/v1/reconciliation/findings/" + closedAtBroker + "/dismiss", null);
            assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
            assertThat(dismissed.json().get("action").asText()).startsWith("dismissed by admin");
            assertThat(client.post(app.admin, "/api/v1/reconciliation/findings/nope:0/dismiss", null)
                            .status())
                    .isEqualTo(404);
            assertThat(client.get(app.viewer, "/api/v1/orders/" + order).json().get("fills"))
                    .as("the fill was recorded once")
                    .hasSize(1);
        }
    }

    /** Until the venue's update stream is down, an order's fill could still arrive over it. */
    private static void awaitStreamDown(ApiTestApp app) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Response ready = app.client.get(null, "/health/ready");
            if (ready.json()
                    .get("checks")
                    .get("brokers")
                    .get(0)
                    .get("session")
                    .asText()
                    .equals("DISCONNECTED")) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("the stream down; readiness says " + ready)
                    .isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Runs reconciliation until a run proposes a fix of {@code kind}: the venue fills on its next tick. */
    private static JsonNode runUntilProposed(ApiTestApp app, String kind) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Response run = app.client.post(app.admin, "/api/v1/reconciliation/run", null);
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            JsonNode findings = run.json().get("findings");
            for (JsonNode finding : findings) {
                if (finding.get("kind").asText().equals(kind)
                        && PROPOSAL.matcher(finding.get("action").asText()).find()) {
                    return findings;
                }
            }
            assertThat(System.nanoTime())
                    .as("a run proposing " + kind + "; the last found " + findings)
                    .isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static String proposalId(JsonNode findings, String kind) {
        for (JsonNode finding : findings) {
            Matcher proposal = Pattern.compile("proposed, approve or dismiss (\\S+): ")
                    .matcher(finding.get("action").asText());
            if (finding.get("kind").asText().equals(kind) && proposal.find()) {
                return proposal.group(1);
            }
        }
        throw new AssertionError("no proposal of " + kind + " in " + findings);
    }
}
