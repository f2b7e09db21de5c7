package io.openoms.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class SystemArchitectureTest {
    private static final JavaClasses SYSTEM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The simulators are test fixtures on the test classpath only, never in oms.jar: not the system.
            .withImportOption(location -> !location.contains("/io/openoms/simulators/"))
            .importPackages("io.openoms");

    static final ArchRule the_system_is_an_onion = onionArchitecture()
            .domainModels("io.openoms.domain..")
            .domainServices("io.openoms.domain..")
            .applicationServices("io.openoms.application..")
            .adapter("persistence", "io.openoms.adapters.persistence..")
            .adapter("broker-mock", "io.openoms.adapters.broker.mock..")
            .adapter("broker-zerodha", "io.openoms.adapters.broker.zerodha..")
            .adapter("broker-alpaca", "io.openoms.adapters.broker.alpaca..")
            .adapter("signal-redis", "io.openoms.adapters.signal.redis..")
            .ignoreDependency(
                    com.tngtech.archunit.base.DescribedPredicate.describe(
                            "the composition root", c -> c.getPackageName().startsWith("io.openoms.app")),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
            .withOptionalLayers(true)
            .because("dependencies point inwards: adapters on the core, never the core on adapters");

    static final ArchRule only_the_app_uses_guice = noClasses()
            .that()
            .resideOutsideOfPackage("io.openoms.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.inject..")
            .because("the composition root is the only place that knows the wiring");

    @Test
    void system_is_an_onion() {
        the_system_is_an_onion.check(SYSTEM);
    }

    @Test
    void only_the_app_uses_guice() {
        only_the_app_uses_guice.check(SYSTEM);
    }
}
