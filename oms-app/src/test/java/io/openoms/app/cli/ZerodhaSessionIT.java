package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.KiteSimulatorHarness;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oms zerodha session} against the Kite simulator's {@code POST /session/token}. */
class ZerodhaSessionIT {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("no command here starts the server");
    };

    private final KiteSimulatorHarness kite = new KiteSimulatorHarness(Instant.now(), config -> {});
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void close() {
        kite.close();
    }

    private int oms(Map<String, String> environment, String... args) {
        return Cli.execute(args, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void session_exchanges_the_request_token_and_stores_the_access_token_for_the_owner_only(@TempDir Path data)
            throws Exception {
        String requestToken = kite.simulator.issueRequestToken();

        int exit = oms(kite.environment(data, false), "zerodha", "session", "--request-token", requestToken);

        assertThat(exit).as(err.toString()).isZero();
        Path file = data.resolve("kite").resolve("access-token");
        assertThat(out.toString()).contains("stored in " + file).contains("expires at");
        String stored = Files.readString(file);
        assertThat(stored.strip().lines().toList()).hasSize(3).last().isEqualTo(kite.simulator.accessToken());
        assertThat(out.toString()).doesNotContain(kite.simulator.accessToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void a_used_or_unknown_request_token_fails_in_one_line_and_stores_nothing(@TempDir Path data) {
        int exit = oms(kite.environment(data, false), "zerodha", "session", "--request-token", "notissued1");

        assertThat(exit).isEqualTo(Cli.FAILED);
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .startsWith("oms zerodha session: Kite refused the request token")
                .doesNotContain(kite.simulator.config().apiSecret());
        assertThat(data.resolve("kite").resolve("access-token")).doesNotExist();
    }
}
