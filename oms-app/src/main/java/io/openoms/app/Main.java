package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import io.openoms.app.cli.Cli;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.Logging;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: picks the modules from the configuration and builds the object graph, for the
 * server and for {@code oms demo} (which adds its script instead of HTTP). Nothing else creates an
 * injector or asks one for an instance.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exit = Cli.execute(args, System.getenv(), Main::runtime, out, err);
        System.exit(exit);
    }

    /** The application for {@code config}, built but not started. */
    public static OmsRuntime runtime(OmsConfig config) {
        return instanceOf(OmsRuntime.class, modules(config));
    }

    /**
     * Builds the object graph of {@code modules} and returns its {@code type}; a failure while building
     * is thrown as its first cause, so that the command line can print it in one line.
     */
    public static <T> T instanceOf(Class<T> type, List<Module> modules) {
        Logging.bridgeJavaUtilLogging();
        try {
            return Guice.createInjector(Stage.PRODUCTION, modules).getInstance(type);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    /** The modules for {@code config}: the broker and database adapters are chosen here, not in modules. */
    static List<Module> modules(OmsConfig config) {
        List<Module> modules = new ArrayList<>();
        modules.add(new StrictBindingsModule());
        modules.addAll(applicationModules(config));
        modules.addAll(httpModules());
        return List.copyOf(modules);
    }

    /** The way in over HTTP: the server, the REST API and the dashboard. */
    public static List<Module> httpModules() {
        return List.of(new HttpModule(), new ApiModule());
    }

    /**
     * Everything but the way in: configuration, persistence, the configured broker, the engine, metrics
     * and the runtime. The server adds HTTP and the REST API; {@code oms demo} adds its script instead.
     */
    public static List<Module> applicationModules(OmsConfig config) {
        Module broker =
                switch (config.broker().type()) {
                    case MOCK -> new MockBrokerModule();
                    case ZERODHA -> new ZerodhaBrokerModule(config.broker().zerodha());
                    case ALPACA -> new AlpacaBrokerModule(config.broker().alpaca());
                    case MANUAL -> new ManualBrokerModule();
                };
        List<Module> modules = new ArrayList<>(List.of(
                new ConfigModule(config),
                new PersistenceModule(config.persistence()),
                broker,
                new EngineModule(),
                new MetricsModule(),
                new RuntimeModule(),
                new SignalModule()));
        if (config.signals().redis().enabled()) {
            modules.add(new RedisSignalModule(config.signals().redis().toAdapterConfig()));
        }
        return List.copyOf(modules);
    }

    /** The first failure's cause, so that the command line can print what went wrong in one line. */
    private static RuntimeException unwrap(java.util.Collection<Message> messages, RuntimeException e) {
        for (Message message : messages) {
            Throwable cause = message.getCause();
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
        }
        return e;
    }

    /** Every binding explicit, no circular proxies: wiring mistakes fail when the graph is built. */
    private static final class StrictBindingsModule extends AbstractModule {
        @Override
        protected void configure() {
            binder().requireExplicitBindings();
            binder().disableCircularProxies();
        }
    }
}
