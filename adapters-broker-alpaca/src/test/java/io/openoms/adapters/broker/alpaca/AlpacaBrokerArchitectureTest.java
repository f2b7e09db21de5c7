package io.openoms.adapters.broker.alpaca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class AlpacaBrokerArchitectureTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.openoms.adapters.broker.alpaca");

    static final ArchRule the_adapter_never_depends_on_another_adapter_or_the_app = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.openoms.adapters.persistence..", "io.openoms.adapters.broker.mock..", "io.openoms.app..")
            .because("adapters translate between one technology and the ports; they never know each other")
            .allowEmptyShould(true);

    static final ArchRule the_adapter_does_not_use_guice = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.inject..")
            .because("only oms-app wires the system")
            .allowEmptyShould(true);

    static final ArchRule the_adapter_has_no_package_cycles = slices().matching(
                    "io.openoms.adapters.broker.alpaca.(**)")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);

    @Test
    void adapter_never_depends_on_another_adapter_or_the_app() {
        the_adapter_never_depends_on_another_adapter_or_the_app.check(ADAPTER);
    }

    @Test
    void adapter_does_not_use_guice() {
        the_adapter_does_not_use_guice.check(ADAPTER);
    }

    @Test
    void adapter_has_no_package_cycles() {
        the_adapter_has_no_package_cycles.check(ADAPTER);
    }
}
