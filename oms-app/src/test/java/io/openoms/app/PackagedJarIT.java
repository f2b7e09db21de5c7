package io.openoms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What ships in oms.jar (built in the package phase, before Failsafe runs): the app, not its test fixtures. */
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "oms.jar");
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    private static List<String> entries;

    @BeforeAll
    static void readEntries() throws IOException {
        assertThat(JAR).as("the packaged jar").exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void the_jar_holds_the_app_and_its_adapters() {
        assertThat(entries)
                .contains(
                        "io/openoms/app/Main.class",
                        "io/openoms/adapters/broker/mock/SimulatedVenue.class",
                        "io/openoms/adapters/broker/zerodha/KiteBrokerGateway.class",
                        "io/openoms/adapters/broker/alpaca/AlpacaBrokerGateway.class");
    }

    @Test
    void no_simulator_or_test_class_ships_in_the_jar() {
        assertThat(entries)
                .noneMatch(name -> name.startsWith("io/openoms/simulators/"))
                .noneMatch(name -> name.startsWith("io/openoms/adapters/broker/mock/kite/"))
                .noneMatch(name -> name.startsWith("io/openoms/") && name.matches(".*(Test|IT|Fixture)\\.class"));
    }

    @Test
    void the_jar_carries_the_licence_and_the_third_party_notices() {
        assertThat(entries)
                .contains(
                        "META-INF/openoms/LICENSE",
                        "META-INF/openoms/NOTICE",
                        "META-INF/openoms/THIRD-PARTY-NOTICES.md",
                        "META-INF/openoms/licenses/MPL-2.0.txt",
                        "META-INF/openoms/licenses/LGPL-2.1.txt");
    }

    @Test
    void every_bundled_library_is_listed_in_the_third_party_notices() throws IOException {
        String notices = Files.readString(Path.of("..", "THIRD-PARTY-NOTICES.md"));
        List<String> bundled = entries.stream()
                .map(POM_PROPERTIES::matcher)
                .filter(Matcher::matches)
                .map(match -> match.group(1) + ":" + match.group(2) + ":")
                .filter(library -> !library.startsWith("io.openoms:"))
                .toList();

        assertThat(bundled).as("libraries found by their pom.properties").hasSizeGreaterThan(20);
        assertThat(bundled).allSatisfy(library -> assertThat(notices).contains("`" + library));
    }
}
