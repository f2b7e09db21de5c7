package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.cli.Cli;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

/** Runs {@code oms} in-process as a user would, with an environment, and captures what it prints. */
final class OmsCommandLine {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("a client command never starts a server");
    };

    private final Map<String, String> environment;

    private OmsCommandLine(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code oms} with {@code OMS_URL} and {@code OMS_API_KEY} set. */
    static OmsCommandLine with(String url, String apiKey) {
        Map<String, String> environment = new HashMap<>();
        environment.put("OMS_URL", url);
        environment.put("OMS_API_KEY", apiKey);
        return new OmsCommandLine(environment);
    }

    static OmsCommandLine withEnvironment(Map<String, String> environment) {
        return new OmsCommandLine(environment);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.execute(args, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Runs {@code args} (with {@code --json}) until {@code done} holds for the JSON printed, for up to 20 s. */
    JsonNode await(Predicate<JsonNode> done, String... args) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Run run = run(args);
            JsonNode json = run.json();
            if (done.test(json)) {
                return json;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not reached within 20 s; last: " + run);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return OmsServer.JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
