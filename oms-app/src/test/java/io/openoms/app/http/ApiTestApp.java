package io.openoms.app.http;

import io.openoms.app.Main;
import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.Secret;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole app started for API tests on a database of the suite's choice, with an admin, a trader and a
 * viewer key. {@link #start(TestDatabase.Kind, String)} owns a temporary data directory and the database,
 * and removes both on {@link #close()}.
 */
final class ApiTestApp implements AutoCloseable {
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    final OmsRuntime runtime;
    final ApiClient client;
    final String admin = ADMIN_KEY;
    final String trader;
    final String viewer;
    final TestDatabase database;
    final Path data;
    private final Path ownedDirectory;

    private ApiTestApp(
            OmsRuntime runtime, String trader, String viewer, TestDatabase database, Path data, Path ownedDirectory) {
        this.runtime = runtime;
        this.client = new ApiClient(runtime.httpPort());
        this.trader = trader;
        this.viewer = viewer;
        this.database = database;
        this.data = data;
        this.ownedDirectory = ownedDirectory;
    }

    /** The app on the embedded database in {@code data}, which the caller owns. */
    static ApiTestApp start(Path data) {
        return start(data, Map.of());
    }

    static ApiTestApp start(Path data, Map<String, String> extraEnvironment) {
        return start(data, TestDatabase.embedded(data), extraEnvironment, "", null);
    }

    /**
     * The app on a new data directory and a new database of {@code kind}, configured by {@code yaml} (an
     * {@code oms.yaml}; empty for the defaults).
     */
    static ApiTestApp start(TestDatabase.Kind kind, String yaml) {
        Path data;
        try {
            data = Files.createTempDirectory("oms-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestDatabase database = null;
        try {
            database = kind == TestDatabase.Kind.EMBEDDED ? TestDatabase.embedded(data) : TestDatabase.postgres();
            return start(data, database, Map.of(), yaml, data);
        } catch (RuntimeException | Error e) {
            if (database != null) {
                database.close();
            }
            delete(data);
            throw e;
        }
    }

    private static ApiTestApp start(
            Path data, TestDatabase database, Map<String, String> extraEnvironment, String yaml, Path owned) {
        ApiKeyStore keys = ApiKeyStore.open(data, Secret.NONE, Clock.systemUTC());
        // A restart on the same data directory: the stored keys cannot be read back, so they are issued anew.
        for (String name : List.of("trader-1", "viewer-1")) {
            if (keys.keys().stream().anyMatch(key -> key.name().equals(name))) {
                keys.revoke(name);
            }
        }
        String trader = keys.create("trader-1", Role.TRADER);
        String viewer = keys.create("viewer-1", Role.VIEWER);
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("OMS_DATA_DIR", data.toString());
        environment.put("OMS_HTTP_PORT", "0");
        environment.put("OMS_ADMIN_API_KEY", ADMIN_KEY);
        environment.putAll(extraEnvironment);
        OmsConfig config = new ConfigLoader(environment).parse(yaml, "test configuration");
        OmsRuntime runtime = Main.runtime(config);
        runtime.start();
        return new ApiTestApp(runtime, trader, viewer, database, data, owned);
    }

    @Override
    public void close() {
        try {
            runtime.stop();
        } finally {
            if (ownedDirectory != null) {
                database.close();
                delete(ownedDirectory);
            }
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
