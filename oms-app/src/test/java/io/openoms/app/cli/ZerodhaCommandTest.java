package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ZerodhaCommandTest {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("no command here starts the server");
    };

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int oms(Map<String, String> environment, String... args) {
        return Cli.execute(args, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void login_url_prints_kites_login_page_for_the_configured_api_key() {
        int exit = oms(
                Map.of("OMS_KITE_API_KEY", "abc123", "OMS_KITE_API_SECRET", "never-printed"), "zerodha", "login-url");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("https://kite.zerodha.com/connect/login?v=3&api_key=abc123");
        assertThat(out.toString()).doesNotContain("never-printed");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void login_url_without_an_api_key_fails_in_one_line_naming_the_variable() {
        int exit = oms(Map.of(), "zerodha", "login-url");

        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("OMS_KITE_API_KEY");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void session_without_the_api_secret_fails_in_one_line() {
        int exit = oms(Map.of("OMS_KITE_API_KEY", "abc123"), "zerodha", "session", "--request-token", "T1");

        assertThat(exit).isEqualTo(Cli.FAILED);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("OMS_KITE_API_SECRET");
    }

    @Test
    void session_requires_the_request_token_option() {
        int exit = oms(Map.of("OMS_KITE_API_KEY", "abc123"), "zerodha", "session");

        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--request-token");
    }
}
