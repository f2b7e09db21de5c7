package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("no command here starts the server");
    };

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int oms(Map<String, String> environment, String... args) {
        return Cli.execute(args, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void config_prints_the_effective_configuration_with_every_secret_masked() {
        Map<String, String> environment = Map.of(
                "OMS_DB_URL", "jdbc:postgresql://db/oms",
                "OMS_DB_PASSWORD", "hunter2-db",
                "OMS_ADMIN_API_KEY", "admin-0123456789abcdef",
                "OMS_KITE_API_SECRET", "kite-secret-value",
                "OMS_HTTP_PORT", "9091");

        int exit = oms(environment, "config");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "environment: OMS_HTTP_PORT, OMS_DB_URL, OMS_DB_PASSWORD, OMS_ADMIN_API_KEY, OMS_KITE_API_SECRET")
                .contains("port: 9091")
                .contains("url: jdbc:postgresql://db/oms")
                .contains("password: '***'")
                .doesNotContain("hunter2-db")
                .doesNotContain("admin-0123456789abcdef")
                .doesNotContain("kite-secret-value");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void config_reads_the_file_given_with_the_option(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("oms.yaml"), "http: {port: 7777}\n");

        int exit = oms(Map.of(), "config", "--config", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("file: " + file).contains("port: 7777");
    }

    @Test
    void an_invalid_configuration_exits_2_naming_the_key_and_the_allowed_values() {
        int exit = oms(Map.of("OMS_BROKER", "ibkr"), "config");

        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(err.toString())
                .startsWith("oms: invalid configuration: broker.type (from OMS_BROKER): invalid value 'ibkr';"
                        + " allowed: mock, zerodha")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(err.toString().strip()).doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void an_unknown_command_exits_2_with_one_line_saying_what_to_do() {
        int exit = oms(Map.of(), "launch");

        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(err.toString().strip()).endsWith("see 'oms --help'").doesNotContain("\n");
    }

    @Test
    void migrate_applies_the_schema_to_the_embedded_database_and_is_idempotent(@TempDir Path data) {
        Map<String, String> environment = Map.of("OMS_DATA_DIR", data.toString());

        int first = oms(environment, "migrate");
        int second = oms(environment, "migrate");

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(out.toString()).contains("schema is up to date: jdbc:h2:file:");
        assertThat(err.toString()).startsWith("applying the schema to jdbc:h2:file:");
        assertThat(data.resolve("openoms.mv.db")).exists();
    }

    @Test
    void migrate_against_an_unreachable_database_says_what_it_tries_then_fails_with_one_line_and_a_hint() {
        int exit = oms(Map.of("OMS_DB_URL", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1"), "migrate");

        assertThat(exit).isEqualTo(Cli.FAILED);
        assertThat(err.toString().lines())
                .as("a progress line, then the error in one line")
                .hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("applying the schema to jdbc:postgresql:"))
                .satisfies(lines ->
                        assertThat(lines.get(1)).startsWith("oms migrate: ").contains("OMS_DB_URL"));
    }

    @Test
    void run_on_a_port_already_taken_fails_with_one_line_naming_the_address_and_the_setting(@TempDir Path data)
            throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            int exit = Cli.execute(
                    new String[] {"run"},
                    Map.of(
                            "OMS_DATA_DIR",
                            data.toString(),
                            "OMS_HTTP_PORT",
                            String.valueOf(port),
                            "OMS_ADMIN_API_KEY",
                            "cli-test-admin-key-0123456789"),
                    io.openoms.app.Main::runtime,
                    new PrintWriter(out),
                    new PrintWriter(err));

            assertThat(exit).isEqualTo(Cli.FAILED);
            assertThat(err.toString())
                    .startsWith("oms run: cannot listen on 127.0.0.1:" + port)
                    .contains("OMS_HTTP_PORT");
            assertThat(err.toString().strip()).doesNotContain("\n");
        }
    }

    @Test
    void a_subcommand_missing_an_option_points_at_that_subcommands_help() {
        int exit = oms(Map.of(), "orders", "submit", "--side", "BUY");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("oms: Missing required option")
                .endsWith("see 'oms orders submit --help'");
    }

    @Test
    void help_lists_the_commands() {
        int exit = oms(Map.of(), "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("run").contains("migrate").contains("config");
    }
}
