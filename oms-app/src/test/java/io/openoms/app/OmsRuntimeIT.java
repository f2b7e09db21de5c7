package io.openoms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.runtime.RuntimeStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole application in-process: embedded H2 on a temporary directory, the simulated venue, a free port. */
class OmsRuntimeIT {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_app_starts_answers_health_and_readiness_and_stops_cleanly(@TempDir Path data) throws Exception {
        OmsRuntime runtime = Main.runtime(TestConfigs.embedded(data));
        runtime.start();
        int port = runtime.httpPort();
        try {
            HttpResponse<String> live = get(port, "/health");
            HttpResponse<String> ready = get(port, "/health/ready");
            HttpResponse<String> metrics = get(port, "/metrics");
            HttpResponse<String> missing = get(port, "/no-such-thing");

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"UP\"");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(ready.body())
                    .contains("\"status\":\"UP\"")
                    .contains("\"database\":{\"status\":\"UP\"}")
                    .contains("\"running\":true")
                    .contains("\"recovered\":true")
                    .contains("\"name\":\"mock\"")
                    .contains("\"session\":\"CONNECTED\"")
                    .contains("\"reconciliation\":{\"scheduled\":true,\"lastRun\":\"");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("jvm_memory_used_bytes")
                    .contains("oms_engine_running 1.0")
                    .contains("oms_engine_queue_depth")
                    .contains("oms_engine_broker_calls_in_flight");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"code\":\"NOT_FOUND\"");
        } finally {
            assertThat(runtime.stop()).isTrue();
        }

        assertThat(runtime.status().phase()).isEqualTo(RuntimeStatus.Phase.STOPPED);
        assertThat(runtime.status().engineRunning()).isFalse();
        assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
    }

    @Test
    void reconciliation_runs_at_start_up_and_the_monitor_and_kill_switch_run_on_their_schedules(@TempDir Path data)
            throws Exception {
        OmsRuntime runtime = Main.runtime(TestConfigs.embedded(data));
        runtime.start();
        try {
            RuntimeStatus status = runtime.status();
            assertThat(status.loop("reconciliation").orElseThrow().lastSuccess())
                    .as("reconciliation ran at start-up")
                    .isPresent();
            assertThat(status.loop("kill-switch").orElseThrow().lastSuccess())
                    .as("the kill switch evaluated at start-up")
                    .isPresent();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (status.loop("order-monitor").orElseThrow().lastSuccess().isEmpty()
                    && deadline - System.nanoTime() > 0) {
                Thread.onSpinWait();
                Thread.yield();
            }
            assertThat(status.loop("order-monitor").orElseThrow().lastSuccess())
                    .as("the order monitor ran a pass")
                    .isPresent();
            assertThat(status.loops()).allSatisfy(loop -> assertThat(loop.failures())
                    .as(loop.name() + " failures")
                    .isZero());
        } finally {
            assertThat(runtime.stop()).isTrue();
        }
    }

    @Test
    void a_second_start_on_the_same_data_directory_recovers_from_the_store(@TempDir Path data) throws Exception {
        OmsRuntime first = Main.runtime(TestConfigs.embedded(data));
        first.start();
        assertThat(first.stop()).isTrue();

        OmsRuntime second = Main.runtime(TestConfigs.embedded(data));
        second.start();
        try {
            assertThat(get(second.httpPort(), "/health/ready").statusCode()).isEqualTo(200);
        } finally {
            assertThat(second.stop()).isTrue();
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
