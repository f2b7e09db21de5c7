package io.openoms.integration;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios on H2, served by an in-process TCP server so that the database can be taken away. */
class H2TradingScenariosTest extends TradingScenarios {
    @TempDir
    static Path directory;

    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.h2Networked(directory.resolve(name));
    }
}
