package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.zerodha.KiteAccessGrant;
import io.openoms.adapters.broker.zerodha.KiteConfig;
import io.openoms.adapters.broker.zerodha.KiteLoginException;
import io.openoms.adapters.broker.zerodha.KiteSession;
import io.openoms.adapters.broker.zerodha.KiteTokenStore;
import io.openoms.app.ZerodhaBrokerModule;
import io.openoms.app.config.OmsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oms zerodha login-url | session}: the daily Kite login. Credentials come from the
 * configuration and the environment ({@code OMS_KITE_API_KEY}, {@code OMS_KITE_API_SECRET}), never
 * from the command line; the request token is single-use and short-lived, so it may be given there.
 */
@Command(
        name = "zerodha",
        description = "The daily Kite Connect login: print the login URL, exchange the request token.",
        mixinStandardHelpOptions = true)
final class ZerodhaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code oms zerodha login-url}. */
    @Command(
            name = "login-url",
            description = "Print the Kite login URL of the configured app (open it in a browser and log in).",
            mixinStandardHelpOptions = true)
    static final class LoginUrl implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        private final Map<String, String> environment;

        LoginUrl(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            KiteConfig kite = kiteConfig(config.load(environment));
            PrintWriter out = spec.commandLine().getOut();
            out.println(KiteSession.loginUrl(kite.loginUrl(), kite.apiKey()));
            out.flush();
            return 0;
        }
    }

    /** {@code oms zerodha session --request-token T}. */
    @Command(
            name = "session",
            description = "Exchange the request token from the login redirect for the day's access token and"
                    + " store it (owner-only file in the data directory); a running app picks it up.",
            mixinStandardHelpOptions = true)
    static final class Session implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Option(
                names = "--request-token",
                required = true,
                paramLabel = "T",
                description = "The request_token of the redirect URL after the login (single use, minutes).")
        String requestToken;

        private final Map<String, String> environment;

        Session(Map<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            OmsConfig loaded = config.load(environment);
            KiteConfig kite = kiteConfig(loaded);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (kite.apiSecret().isEmpty()) {
                err.println("oms zerodha session: broker.zerodha.api-secret (OMS_KITE_API_SECRET) is needed to"
                        + " exchange a request token; set it and run again");
                err.flush();
                return Cli.FAILED;
            }
            OkHttpClient http = new OkHttpClient.Builder().build();
            KiteTokenStore store = new KiteTokenStore(loaded.dataDirectory());
            try {
                KiteSession session = new KiteSession(kite, http, Clock.systemUTC());
                KiteAccessGrant grant = session.exchange(requestToken);
                store.save(grant);
                out.println("Kite session of " + grant.userId() + " stored in " + store.file() + "; it expires at "
                        + session.health().expiresAt().map(Object::toString).orElse("(unknown)"));
                out.flush();
                return 0;
            } catch (KiteLoginException e) {
                err.println("oms zerodha session: " + e.getMessage()
                        + "; log in again with the URL of 'oms zerodha login-url' for a fresh request token");
                err.flush();
                return Cli.FAILED;
            } catch (IOException e) {
                err.println("oms zerodha session: the access token could not be stored in " + store.file() + ": "
                        + e.getMessage() + "; fix the data directory (data-dir, OMS_DATA_DIR) or use "
                        + KiteConfig.ENV_ACCESS_TOKEN);
                err.flush();
                return Cli.FAILED;
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }

    private static KiteConfig kiteConfig(OmsConfig config) {
        return ZerodhaBrokerModule.kiteConfig(config.broker().zerodha());
    }
}
