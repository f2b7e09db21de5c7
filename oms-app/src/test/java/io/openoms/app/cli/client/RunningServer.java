package io.openoms.app.cli.client;

import io.openoms.app.Main;
import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.Secret;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The whole app on H2 in a temporary directory, with an admin, a trader and a viewer key: what the client talks to. */
final class RunningServer implements AutoCloseable {
    static final String ADMIN_KEY = "cli-test-admin-key-0123456789abcdef";

    final String url;
    final String admin = ADMIN_KEY;
    final String trader;
    final String viewer;
    private final OmsRuntime runtime;

    private RunningServer(OmsRuntime runtime, String trader, String viewer) {
        this.runtime = runtime;
        this.url = "http://127.0.0.1:" + runtime.httpPort();
        this.trader = trader;
        this.viewer = viewer;
    }

    static RunningServer start(Path data) {
        ApiKeyStore keys = ApiKeyStore.open(data, Secret.NONE, Clock.systemUTC());
        String trader = keys.create("trader-1", Role.TRADER);
        String viewer = keys.create("viewer-1", Role.VIEWER);
        Map<String, String> environment =
                Map.of("OMS_DATA_DIR", data.toString(), "OMS_HTTP_PORT", "0", "OMS_ADMIN_API_KEY", ADMIN_KEY);
        OmsConfig config = new ConfigLoader(environment).load(Optional.empty());
        OmsRuntime runtime = Main.runtime(config);
        runtime.start();
        return new RunningServer(runtime, trader, viewer);
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
