package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an H2 commit has done by the time it returns: written to the file (not held for H2's default
 * 500 ms write delay, which lost acknowledged orders on kill -9) and forced to the device. The crash
 * test (oms-app's CrashRecoveryIT) proves the first end to end; no test can cut the power, so the
 * fsync is checked here, at the file.
 */
class H2CommitDurabilityTest {
    @Test
    void the_embedded_database_holds_no_commit_back_in_memory(@TempDir Path data) {
        try (Database database = Database.open(PersistenceConfig.embedded(data))) {
            List<String> writeDelay = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .mapTo(String.class)
                    .list());
            assertThat(writeDelay).isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void a_commit_returns_only_after_what_it_wrote_was_forced_to_the_device(@TempDir Path data) {
        FsyncCountingFilePath.register();
        PersistenceConfig config = PersistenceConfig.embedded(data)
                .withJdbcUrl(
                        "jdbc:h2:fsynccount:file:" + data.toAbsolutePath().resolve("openoms") + ";MODE=PostgreSQL");
        try (Database database = Database.open(config)) {
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE fills_seen (id INT PRIMARY KEY)"));
            for (int id = 1; id <= 5; id++) {
                long forcesBefore = FsyncCountingFilePath.forces();
                int row = id;
                database.jdbi().useTransaction(handle -> handle.execute("INSERT INTO fills_seen VALUES (?)", row));

                assertThat(FsyncCountingFilePath.forces())
                        .as("fsyncs during commit " + id)
                        .isGreaterThan(forcesBefore);
                assertThat(FsyncCountingFilePath.everyWriteForced())
                        .as("commit " + id + " left a write not forced to the device")
                        .isTrue();
            }
        }
    }
}
