package io.openoms.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2JournalAndStoresTest extends JournalAndStoresContract {
    @TempDir
    Path directory;

    @Override
    PersistenceConfig freshDatabase() {
        return TestDatabases.h2(directory);
    }
}
