package io.openoms.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.config.HttpConfig;
import io.openoms.app.config.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code oms demo --serve}: after the session, its orders and the dashboard are served until stopped. */
class DemoServeIT {
    private static final String KEY = "oms_demo_test_key_0123456789";

    @Test
    void the_served_demo_shows_its_session_to_the_key_it_printed_and_deletes_its_database_when_stopped()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Path directory;
        try (DemoApp app = DemoApp.serving(HttpConfig.DEFAULT.withPort(0), Secret.of(KEY))) {
            directory = app.directory();
            assertThat(app.play(new PrintWriter(new StringWriter())).behaved()).isTrue();
            String base = "http://127.0.0.1:" + app.httpPort();

            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/ui/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>OpenOMS dashboard</title>");

            HttpResponse<String> orders = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                            .header("X-API-Key", KEY)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(orders.statusCode()).isEqualTo(200);
            assertThat(orders.body()).contains("\"status\":\"FILLED\"", "\"status\":\"CANCELLED\"");
        }
        assertThat(directory).doesNotExist();
    }
}
