package io.openoms.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The packaged {@code oms.jar} run as a child process, as an operator runs it: started with a configuration
 * file and an environment, killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) or stopped with
 * SIGTERM. Its output goes to one log file, appended across restarts.
 */
final class OmsProcess {
    private final Process process;
    private final Path log;

    private OmsProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The jar Maven's package phase built (Failsafe passes its path; the default works from the module). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("oms.jar", "target/oms.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the package phase first");
        }
        return jar;
    }

    static OmsProcess start(Path config, Map<String, String> environment, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Small heap and client compiler: the app stays well below both, and restarts faster on a busy machine.
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toAbsolutePath().toString(),
                "run",
                "--config",
                config.toString()));
        // Nothing of the developer's own OMS_* settings may leak into the child.
        builder.environment().keySet().removeIf(name -> name.startsWith("OMS_"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new OmsProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /health/ready} answers 200; the time it took, or an error if it died or never did. */
    Duration awaitReady(ApiClient client, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the app exited with " + process.exitValue() + " before it was ready; " + "log: " + log);
            }
            try {
                if (client.get(null, "/health/ready").status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (UncheckedIOException notListeningYet) {
                // The port opens late in start-up.
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("the app was not ready within " + within.toSeconds() + " s; log: " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, nothing the process could still do. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, the graceful stop; its exit code. */
    int stop() {
        process.destroy();
        return awaitExit();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
