package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
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
import java.util.List;

/**
 * The server's composition root: picks the modules from the configuration and builds the object
 * graph. The other is {@code oms demo}'s {@code DemoApp}, which assembles the same modules without
 * HTTP; nothing else creates an injector or asks one for an instance.
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
        Logging.bridgeJavaUtilLogging();
        try {
            Injector injector = Guice.createInjector(Stage.PRODUCTION, modules(config));
            return injector.getInstance(OmsRuntime.class);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    /** The modules for {@code config}: the broker and database adapters are chosen here, not in modules. */
    static List<Module> modules(OmsConfig config) {
        Module broker =
                switch (config.broker().type()) {
                    case MOCK -> new MockBrokerModule();
                    case ZERODHA -> new ZerodhaBrokerModule(config.broker().zerodha());
                };
        return List.of(
                new StrictBindingsModule(),
                new ConfigModule(config),
                new PersistenceModule(config.persistence()),
                broker,
                new EngineModule(),
                new MetricsModule(),
                new HttpModule(),
                new ApiModule(),
                new RuntimeModule());
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
