package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's intraday P&amp;L series is stored: a restart on the same store shows the day's points again. */
class IntradayPnlRestartIT {
    /** The seconds the series has points for (a point is the last reading of its second). */
    private static List<String> times(JsonNode series) {
        List<String> at = new ArrayList<>();
        series.path("points").forEach(point -> at.add(point.path("at").asText().substring(0, 19)));
        return at;
    }

    @Test
    void the_days_points_are_still_there_after_a_restart(@TempDir Path data) {
        List<String> before;
        String dayStart;
        try (ApiTestApp app = ApiTestApp.start(data)) {
            Response created = app.client.post(
                    app.trader,
                    "/api/v1/orders",
                    "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":\"3\",\"type\":\"MARKET\","
                            + "\"strategy\":\"pnl-restart\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            app.client.awaitStatus(app.viewer, created.json().get("id").asText(), "FILLED");
            JsonNode series = app.client.await(app.viewer, "/api/v1/pnl/intraday", s -> !times(s).isEmpty());
            before = times(series);
            dayStart = series.path("dayStart").asText();
        }

        try (ApiTestApp restarted = ApiTestApp.start(data)) {
            JsonNode series = restarted
                    .client
                    .get(restarted.viewer, "/api/v1/pnl/intraday")
                    .json();

            assertThat(series.path("dayStart").asText()).isEqualTo(dayStart);
            assertThat(times(series)).as("points after the restart").containsAll(before);
        }
    }
}
