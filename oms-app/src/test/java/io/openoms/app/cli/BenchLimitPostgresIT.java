package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code oms bench --mode limit} against the PostgreSQL named by {@code OMS_TEST_PG_URL}: the raw
 * COPY rate of journal rows, then the engine's durable rate on the same server and its share of the
 * limit. Skipped without {@code OMS_TEST_PG_URL}, failing when {@code OMS_TEST_PG_REQUIRED=true}.
 */
class BenchLimitPostgresIT {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("bench does not start the server");
    };

    @Test
    void the_limit_bench_reports_the_durable_rate_as_a_share_of_the_raw_copy_rate() {
        String url = System.getenv("OMS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("OMS_TEST_PG_REQUIRED"))) {
                fail("OMS_TEST_PG_REQUIRED=true but OMS_TEST_PG_URL is not set");
            }
            Assumptions.abort("skipped: set OMS_TEST_PG_URL to run the PostgreSQL bench test");
        }
        Map<String, String> environment = Map.of(
                "OMS_DB_URL", url,
                "OMS_DB_USER", System.getenv().getOrDefault("OMS_TEST_PG_USER", "postgres"),
                "OMS_DB_PASSWORD", System.getenv().getOrDefault("OMS_TEST_PG_PASSWORD", ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Cli.execute(
                new String[] {
                    "bench",
                    "--mode",
                    "limit",
                    "--orders",
                    "300",
                    "--warmup",
                    "100",
                    "--limit-lifecycles",
                    "2000",
                    "--limit-per-commit",
                    "250"
                },
                environment,
                NO_RUNTIME,
                new PrintWriter(out),
                new PrintWriter(err));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("lifecycles appended\\s+2,000 x 6 rows\\R")
                .containsPattern("limit lifecycles/s\\s+[\\d,]+\\R")
                .containsPattern("lifecycles completed \\(filled\\)\\s+300\\R")
                .containsPattern("durable rate / limit\\s+\\d+\\.\\d%");
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines[lines.length - 1])
                .matches("mode=limit orders=300 throughput_per_s=\\d+ p50_us=\\S+ p99_us=\\S+ p999_us=\\S+"
                        + " limit_per_s=\\d+ ratio=\\d+\\.\\d{3}");
        assertThat(err.toString()).doesNotContain("could not drop schema");
    }
}
