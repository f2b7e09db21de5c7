package io.openoms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import io.openoms.adapters.persistence.PersistenceConfig;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.OrderStore;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceModuleTest {
    @TempDir
    Path data;

    @Test
    void an_unreachable_database_is_tried_once_and_every_dependant_gets_that_one_failure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PersistenceConfig config = new PersistenceConfig(
                Optional.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere"),
                data,
                "postgres",
                "",
                2,
                Duration.ofMillis(250),
                64,
                Duration.ofMillis(1),
                true,
                "mock");
        Injector injector =
                Guice.createInjector(Stage.DEVELOPMENT, new PersistenceModule(config), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Clock.class).toInstance(Clock.systemUTC());
                    }
                });

        Throwable journal = catchThrowable(() -> injector.getInstance(Journal.class));
        Throwable orders = catchThrowable(() -> injector.getInstance(OrderStore.class));

        assertThat(journal).isInstanceOf(ProvisionException.class);
        assertThat(journal.getCause()).hasMessageContaining("Connection refused");
        assertThat(orders.getCause()).isSameAs(journal.getCause());
    }
}
