package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date with the changelog. Liquibase's lock table
 * ({@code databasechangeloglock}) makes a second instance that starts at the same time wait until
 * the first has finished, then find nothing left to apply. Analytics are off and Liquibase reports
 * through its logger rather than standard output.
 */
final class LiquibaseMigrations {
    static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.xml";
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrations.class);

    private LiquibaseMigrations() {}

    static void migrate(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource is null");
        Map<String, Object> scope = new HashMap<>();
        scope.put(AnalyticsArgs.ENABLED.getKey(), false);
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(
                Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(LiquibaseMigrations.class.getClassLoader()));
        try (Connection connection = dataSource.getConnection()) {
            Scope.child(scope, () -> {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, MASTER_CHANGELOG)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                        .execute();
            });
            LOG.info("database schema is up to date");
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed: " + DatabaseErrors.describe(e), e);
        }
    }
}
