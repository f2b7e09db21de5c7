package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.StoredApiKey;
import io.openoms.app.security.WebhookTokens;
import io.openoms.domain.value.StrategyId;
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
 * {@code oms webhooks create | list | revoke}: the webhook tokens in {@code webhook-tokens.json} of the
 * configured data directory, one per strategy. A running server sees a change at its next request. The
 * token is printed once, by {@code create}, alone on standard output; the URL to give the charting
 * platform is {@code http(s)://HOST/api/v1/webhooks/TOKEN} (docs/webhooks.md).
 */
@Command(
        name = "webhooks",
        description = "Create, list and revoke the webhook tokens of the data directory, one per strategy.",
        mixinStandardHelpOptions = true)
final class WebhooksCommand implements Runnable {
    @Spec
    CommandSpec spec;

    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new WebhooksCommand())
                .addSubcommand(new Create(environment))
                .addSubcommand(new ListTokens(environment))
                .addSubcommand(new Revoke(environment));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static WebhookTokens tokens(ConfigOption config, Map<String, String> environment) {
        OmsConfig loaded = config.load(environment);
        return new WebhookTokens(ApiKeyStore.openWebhookTokens(loaded.dataDirectory(), Clock.systemUTC()));
    }

    private static int refused(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("oms webhooks " + spec.name() + ": " + message);
        err.flush();
        return Cli.USAGE;
    }

    /** {@code oms webhooks create --strategy S}. */
    @Command(
            name = "create",
            description = "Create a strategy's token, store only its hash, and print the token once.",
            mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Option(
                names = "--strategy",
                required = true,
                paramLabel = "STRATEGY",
                description = "The strategy the webhook's orders are placed for (its token's name).")
        String strategy;

        private final Map<String, String> environment;

        Create(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            String token;
            try {
                token = tokens(config, environment).create(StrategyId.of(strategy));
            } catch (IllegalArgumentException e) {
                return refused(spec, e.getMessage());
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("Created the webhook token of strategy '" + strategy + "'. It is shown only this once;"
                    + " the alert URL is http(s)://HOST:PORT/api/v1/webhooks/TOKEN.");
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(token);
            out.flush();
            return 0;
        }
    }

    /** {@code oms webhooks list}. */
    @Command(
            name = "list",
            description = "List the strategies with a webhook token and when it was created (never a token).",
            mixinStandardHelpOptions = true)
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        private final Map<String, String> environment;

        ListTokens(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            List<StoredApiKey> tokens = tokens(config, environment).list();
            PrintWriter out = spec.commandLine().getOut();
            if (tokens.isEmpty()) {
                out.println("no webhook tokens");
            } else {
                out.println("STRATEGY  CREATED");
                for (StoredApiKey token : tokens) {
                    out.println(token.name() + "  " + token.createdAt().truncatedTo(ChronoUnit.SECONDS));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code oms webhooks revoke STRATEGY}. */
    @Command(
            name = "revoke",
            description = "Revoke a strategy's token: a running server refuses its alerts from the next one on.",
            mixinStandardHelpOptions = true)
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "STRATEGY", description = "The strategy, as 'oms webhooks list' shows it.")
        String strategy;

        private final Map<String, String> environment;

        Revoke(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            try {
                tokens(config, environment).revoke(strategy);
            } catch (IllegalArgumentException e) {
                return refused(spec, e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Revoked the webhook token of strategy '" + strategy + "'.");
            out.flush();
            return 0;
        }
    }
}
