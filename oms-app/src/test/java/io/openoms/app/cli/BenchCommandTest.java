package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("bench does not start the server");
    };
    private static final String MACHINE_LINE =
            "mode=%s orders=%d throughput_per_s=\\d+ p50_us=\\d+\\.\\d p99_us=\\d+\\.\\d p999_us=\\d+\\.\\d";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int oms(Map<String, String> environment, String... args) {
        return Cli.execute(args, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
    }

    private String lastLine() {
        String[] lines = out.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void a_memory_bench_runs_full_lifecycles_and_ends_with_the_machine_readable_line() {
        int exit = oms(Map.of(), "bench", "--mode", "memory", "--orders", "2000", "--warmup", "500");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("lifecycles completed \\(filled\\)\\s+2,000\\R")
                .containsPattern("refused busy \\(ENGINE_BUSY\\)\\s+0\\R")
                .containsPattern("refused otherwise or not filled\\s+0\\R");
        assertThat(lastLine()).matches(MACHINE_LINE.formatted("memory", 2000));
        assertThat(err.toString()).contains("measuring: 2,000 orders");
    }

    @Test
    void offered_far_above_capacity_the_bench_is_answered_busy_and_never_refused_by_the_account() {
        int exit = oms(
                Map.of(), "bench", "--orders", "4000", "--rate", "2000000", "--warmup", "0", "--queue-capacity", "64");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .as("a backlog of open orders must not use up the bench account (BUYING_POWER)")
                .containsPattern("refused otherwise or not filled\\s+0\\R");
        assertThat(err.toString()).contains("queue capacity 64");
    }

    @Test
    void an_open_loop_bench_at_a_rate_ends_with_the_machine_readable_line() {
        int exit = oms(Map.of(), "bench", "--orders", "1000", "--rate", "5000", "--warmup", "0");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(lastLine()).matches(MACHINE_LINE.formatted("memory", 1000));
    }

    @Test
    void the_risk_bench_reports_the_average_validation_time() {
        int exit = oms(Map.of(), "bench", "--mode", "risk", "--orders", "2000", "--warmup", "1");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("average ns/validation");
        assertThat(lastLine()).matches(MACHINE_LINE.formatted("risk", 2000));
    }

    @Test
    void invalid_options_exit_2_with_one_line() {
        assertUsage(
                oms(Map.of(), "bench", "--mode", "disk"), "--mode must be memory, postgres, limit, restart or risk");
        assertUsage(oms(Map.of(), "bench", "--orders", "0"), "--orders must be between 1");
        assertUsage(oms(Map.of(), "bench", "--rate", "-5"), "--rate must be between 0");
        assertUsage(oms(Map.of(), "bench", "--orders", "many"), "--orders");
        assertUsage(oms(Map.of(), "bench", "--mode", "postgres"), "--mode postgres needs OMS_DB_URL");
        assertUsage(oms(Map.of(), "bench", "--mode", "limit"), "--mode limit needs OMS_DB_URL");
        assertUsage(oms(Map.of(), "bench", "--limit-per-commit", "0"), "--limit-per-commit must be between 1");
    }

    private void assertUsage(int exit, String message) {
        assertThat(exit).isEqualTo(Cli.USAGE);
        String text = err.toString();
        assertThat(text).contains(message);
        assertThat(text.strip().lines()).hasSize(1);
        assertThat(out.toString()).isEmpty();
        err.getBuffer().setLength(0);
    }
}
