package io.openoms.integration;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios on H2 (served by an in-process TCP server, so the database can be taken away). */
class H2TradingScenariosTest extends TradingScenarios {
    @TempDir
    Path directory;

    private int databases;

    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.h2Networked(directory.resolve(name + "-" + ++databases));
    }
}
