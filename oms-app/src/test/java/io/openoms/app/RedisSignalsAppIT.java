package io.openoms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The packaged wiring of signals from Redis: with {@code OMS_SIGNALS_REDIS_URL} set, a signal added to
 * the stream becomes an order the REST API shows, its outcome is on the results stream, and {@code
 * /health/ready} and {@code /metrics} show the consumer. Needs Redis at {@code OMS_TEST_REDIS_URL}
 * (default {@code redis://127.0.0.1:6379}); skips without it unless {@code OMS_TEST_REDIS_REQUIRED=true}.
 */
class RedisSignalsAppIT {
    private static final String REDIS = System.getenv().getOrDefault("OMS_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static final String KEY = "redis-signals-app-it-admin-key";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_signal_added_to_the_stream_becomes_an_order_and_the_consumer_shows_in_health_and_metrics(@TempDir Path data)
            throws Exception {
        try (UnifiedJedis redis = connect()) {
            String prefix = "oms-app-it:" + UUID.randomUUID() + ":";
            String yaml = "signals:\n  redis:\n    stream: \"" + prefix + "signals\"\n    results-stream: \"" + prefix
                    + "results\"\n    dead-letter-stream: \"" + prefix + "dead\"\n    channel: \"" + prefix
                    + "channel\"\n    block-timeout: 100ms\n";
            OmsConfig config = new ConfigLoader(Map.of(
                            "OMS_DATA_DIR",
                            data.toString(),
                            "OMS_HTTP_PORT",
                            "0",
                            "OMS_ADMIN_API_KEY",
                            KEY,
                            "OMS_SIGNALS_REDIS_URL",
                            REDIS))
                    .parse(yaml, "test");
            OmsRuntime runtime = Main.runtime(config);
            runtime.start();
            try {
                StreamEntryID entry = redis.xadd(
                        prefix + "signals",
                        XAddParams.xAddParams(),
                        Map.of("signal", "{\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":3,\"reason\":\"breakout\"}"));

                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> redis.xlen(prefix + "results") == 1);
                List<StreamEntry> results = redis.xrange(prefix + "results", "-", "+");
                assertThat(results.get(0).getFields())
                        .containsEntry("status", "accepted")
                        .containsEntry("orderId", "redis-" + entry);

                HttpResponse<String> order = get(runtime.httpPort(), "/api/v1/orders/redis-" + entry);
                assertThat(order.statusCode()).isEqualTo(200);
                assertThat(order.body()).contains("\"strategy\":\"signal\"").contains("\"tag\":\"sig-breakout\"");

                HttpResponse<String> ready = get(runtime.httpPort(), "/health/ready");
                assertThat(ready.body())
                        .contains("\"signals\":[{\"name\":\"redis\",\"status\":\"UP\"")
                        .contains("\"consumer\":\"oms-1\"")
                        .contains("\"lag\":0")
                        .doesNotContain(KEY);
                HttpResponse<String> metrics = get(runtime.httpPort(), "/metrics");
                assertThat(metrics.body())
                        .contains("oms_signals_received_total 1.0")
                        .contains("oms_signals_placed_total 1.0")
                        .contains("oms_signals_lag");
            } finally {
                assertThat(runtime.stop()).isTrue();
                redis.del(prefix + "signals", prefix + "results", prefix + "dead");
            }
        }
    }

    private static UnifiedJedis connect() {
        UnifiedJedis redis = RedisClient.create(URI.create(REDIS));
        try {
            redis.ping();
        } catch (JedisException e) {
            redis.close();
            if ("true".equals(System.getenv("OMS_TEST_REDIS_REQUIRED"))) {
                fail("Redis at " + REDIS + " does not answer and OMS_TEST_REDIS_REQUIRED=true: " + e);
            }
            assumeTrue(false, "Redis at " + REDIS + " does not answer: " + e);
        }
        return redis;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-API-Key", KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
