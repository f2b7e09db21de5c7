package io.openoms.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2PersistenceAdapterTest extends PersistenceAdapterContract {
    @TempDir
    Path directory;

    @Override
    PersistenceConfig freshDatabase() {
        return TestDatabases.h2(directory);
    }
}
