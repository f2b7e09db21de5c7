package io.openoms.app.demo;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import io.openoms.app.Main;
import io.openoms.app.config.HttpConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.Secret;
import io.openoms.app.config.SecurityConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole application for {@code oms demo}, in-process: the server's own modules for the embedded
 * database, the simulated venue, the engine, its meters and the runtime (recovery, broker session,
 * schedules), on a temporary directory that {@link #close()} deletes, with {@link DemoSettings}'
 * configuration and without the HTTP server and REST API ({@link DemoModule}). The graph is built by
 * {@code Main.instanceOf}, which hands back the runtime and the script ({@link DemoParts}).
 */
public final class DemoApp implements AutoCloseable {
    private final Path directory;
    private final OmsRuntime runtime;
    private final DemoScript script;

    private DemoApp(Path directory, OmsRuntime runtime, DemoScript script) {
        this.directory = requireNonNull(directory, "directory is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.script = requireNonNull(script, "script is null");
    }

    /** Builds and starts the application on a new temporary directory; on failure deletes it again. */
    public static DemoApp start() {
        return start(DemoSettings.venue());
    }

    /**
     * As {@link #start()}, also serving the REST API and the dashboard on {@code http}, where {@code
     * adminApiKey} signs in.
     */
    public static DemoApp serving(HttpConfig http, Secret adminApiKey) {
        return start(DemoSettings.venue(), Optional.of(http), adminApiKey);
    }

    /** As {@link #start()}, with the simulated venue configured by {@code venue} instead. */
    static DemoApp start(Map<String, String> venue) {
        return start(venue, Optional.empty(), Secret.NONE);
    }

    private static DemoApp start(Map<String, String> venue, Optional<HttpConfig> http, Secret adminApiKey) {
        Path directory;
        try {
            directory = Files.createTempDirectory("oms-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the demo database: " + e, e);
        }
        OmsRuntime runtime = null;
        try {
            OmsConfig config = DemoSettings.config(
                    directory,
                    venue,
                    http.orElse(HttpConfig.DEFAULT),
                    new SecurityConfig(adminApiKey, SecurityConfig.DEFAULT.rateLimit()));
            List<Module> modules = new ArrayList<>(Main.applicationModules(config));
            modules.add(new DemoModule(http.isPresent()));
            if (http.isPresent()) {
                modules.addAll(Main.httpModules());
            }
            DemoParts parts = Main.instanceOf(DemoParts.class, modules);
            runtime = parts.runtime;
            runtime.start();
            return new DemoApp(directory, runtime, parts.script);
        } catch (RuntimeException e) {
            if (runtime != null) {
                runtime.stop();
            }
            delete(directory);
            throw e;
        }
    }

    /** Where the temporary database lives until {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /** The port the dashboard and API are served on, when serving. */
    public int httpPort() {
        return runtime.httpPort();
    }

    /** Returns once the application stopped (after {@link #close()} from another thread). */
    public void awaitStopped() throws InterruptedException {
        runtime.awaitStopped();
    }

    /** Plays the scripted session, one progress line per step on {@code progress}. */
    public DemoOutcome play(PrintWriter progress) throws InterruptedException {
        return script.play(progress);
    }

    /**
     * Stops the application (drain the engine, flush the journal, close the database) and deletes the
     * temporary directory; throws when either did not work out.
     */
    @Override
    public void close() {
        boolean clean = runtime.stop();
        delete(directory);
        if (!clean) {
            throw new IllegalStateException("the demo application did not stop cleanly (the log says which step)");
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo's temporary directory " + directory + ": " + e, e);
        }
    }
}
