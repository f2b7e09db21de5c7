package io.openoms.app.http;

import io.openoms.app.Main;
import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.Secret;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The whole app started for API tests, with an admin, a trader and a viewer key. */
final class ApiTestApp implements AutoCloseable {
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    final OmsRuntime runtime;
    final ApiClient client;
    final String admin = ADMIN_KEY;
    final String trader;
    final String viewer;

    private ApiTestApp(OmsRuntime runtime, String trader, String viewer) {
        this.runtime = runtime;
        this.client = new ApiClient(runtime.httpPort());
        this.trader = trader;
        this.viewer = viewer;
    }

    static ApiTestApp start(Path data) {
        return start(data, Map.of());
    }

    static ApiTestApp start(Path data, Map<String, String> extraEnvironment) {
        ApiKeyStore keys = ApiKeyStore.open(data, Secret.NONE, Clock.systemUTC());
        String trader = keys.create("trader-1", Role.TRADER);
        String viewer = keys.create("viewer-1", Role.VIEWER);
        Map<String, String> environment = new HashMap<>();
        environment.put("OMS_DATA_DIR", data.toString());
        environment.put("OMS_HTTP_PORT", "0");
        environment.put("OMS_ADMIN_API_KEY", ADMIN_KEY);
        environment.putAll(extraEnvironment);
        OmsConfig config = new ConfigLoader(environment).load(java.util.Optional.empty());
        OmsRuntime runtime = Main.runtime(config);
        runtime.start();
        return new ApiTestApp(runtime, trader, viewer);
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
