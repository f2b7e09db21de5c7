package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.Persistence;
import io.openoms.adapters.persistence.PersistenceConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.Secret;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oms migrate}: brings the configured database's schema up to date and exits. */
@Command(
        name = "migrate",
        description = "Apply the database schema to the configured database and exit.",
        mixinStandardHelpOptions = true)
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    private final Map<String, String> environment;

    MigrateCommand(Map<String, String> environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        OmsConfig loaded = config.load(environment);
        PersistenceConfig persistence = loaded.persistence();
        // progress on stderr: connecting can take up to database.connection-timeout, a first migration longer
        spec.commandLine()
                .getErr()
                .println("applying the schema to " + Secret.redactUrl(persistence.effectiveJdbcUrl()) + " …");
        spec.commandLine().getErr().flush();
        Persistence.migrate(persistence);
        spec.commandLine()
                .getOut()
                .println("schema is up to date: " + Secret.redactUrl(persistence.effectiveJdbcUrl()));
        return 0;
    }
}
