package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.Secret;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.Role;
import io.openoms.app.security.StoredApiKey;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oms api-keys create | list | revoke}: the API keys in {@code api-keys.json} of the configured data
 * directory ({@code OMS_DATA_DIR}). A running server re-reads the file at its next request, so a created key
 * works and a revoked one is refused without a restart. The key is printed once, by {@code create}, alone on
 * standard output (so {@code KEY=$(oms api-keys create ...)} captures it); nothing ever prints a stored hash.
 */
@Command(
        name = "api-keys",
        description = "Create, list and revoke the API keys of the data directory (a running server sees changes"
                + " at its next request).",
        mixinStandardHelpOptions = true)
final class ApiKeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** {@code oms api-keys} with its subcommands, for {@link Cli}. */
    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new ApiKeysCommand())
                .addSubcommand(new Create(environment))
                .addSubcommand(new ListKeys(environment))
                .addSubcommand(new Revoke(environment));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static ApiKeyStore store(ConfigOption config, Map<String, String> environment) {
        OmsConfig loaded = config.load(environment);
        return ApiKeyStore.open(loaded.dataDirectory(), Secret.NONE, Clock.systemUTC());
    }

    private static int refused(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("oms api-keys " + spec.name() + ": " + message);
        err.flush();
        return Cli.USAGE;
    }

    /** {@code oms api-keys create --name N --role viewer|trader|admin}. */
    @Command(
            name = "create",
            description = "Create a key, store only its hash, and print the key once on standard output.",
            mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                description = "Who the key is for (1-64 letters, digits, _ . @ -); recorded as the actor of changes.")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "viewer (read), trader (orders), admin (risk limits, kill switch, reconciliation).")
        String role;

        private final Map<String, String> environment;

        Create(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                return refused(spec, e.getMessage());
            }
            ApiKeyStore store = store(config, environment);
            String key;
            try {
                key = store.create(name, parsed);
            } catch (IllegalArgumentException e) {
                return refused(spec, e.getMessage());
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("Created the " + parsed.label() + " API key '" + name + "'. It is shown only this once;"
                    + " only its hash is stored, in "
                    + store.file().toAbsolutePath().normalize() + ".");
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(key);
            out.flush();
            return 0;
        }
    }

    /** {@code oms api-keys list}. */
    @Command(
            name = "list",
            description = "List the stored keys: name, role, creation time (never a key or its hash).",
            mixinStandardHelpOptions = true)
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        private final Map<String, String> environment;

        ListKeys(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            OmsConfig loaded = config.load(environment);
            ApiKeyStore store = ApiKeyStore.open(loaded.dataDirectory(), Secret.NONE, Clock.systemUTC());
            List<StoredApiKey> keys = store.keys();
            PrintWriter out = spec.commandLine().getOut();
            if (keys.isEmpty()) {
                out.println("no API keys are stored in "
                        + store.file().toAbsolutePath().normalize());
            } else {
                int width = Math.max(
                        "NAME".length(),
                        keys.stream().mapToInt(key -> key.name().length()).max().orElse(0));
                out.printf("%-" + width + "s  %-6s  %s%n", "NAME", "ROLE", "CREATED");
                for (StoredApiKey key : keys) {
                    out.printf(
                            "%-" + width + "s  %-6s  %s%n",
                            key.name(),
                            key.role().label(),
                            key.createdAt().truncatedTo(ChronoUnit.SECONDS));
                }
            }
            if (loaded.security().adminApiKey().isSet()) {
                out.println("(also an admin key from OMS_ADMIN_API_KEY / security.admin-api-key, which is not stored)");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code oms api-keys revoke NAME}. */
    @Command(
            name = "revoke",
            description = "Remove a key: a running server refuses it (401) from its next request on.",
            mixinStandardHelpOptions = true)
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "The key's name, as 'oms api-keys list' shows it.")
        String name;

        private final Map<String, String> environment;

        Revoke(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            ApiKeyStore store = store(config, environment);
            StoredApiKey revoked;
            try {
                revoked = store.revoke(name);
            } catch (IllegalArgumentException e) {
                return refused(spec, e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Revoked the " + revoked.role().label() + " API key '" + revoked.name()
                    + "'; a running server refuses it from its next request on.");
            out.flush();
            if (store.keys().stream().noneMatch(key -> key.role() == Role.ADMIN)) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("Note: no stored admin key is left. Use OMS_ADMIN_API_KEY, or create one with"
                        + " 'oms api-keys create --name NAME --role admin'.");
                err.flush();
            }
            return 0;
        }
    }
}
