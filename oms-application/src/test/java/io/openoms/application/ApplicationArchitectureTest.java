package io.openoms.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class ApplicationArchitectureTest {
    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.openoms.application");

    static final ArchRule the_application_depends_on_the_domain_slf4j_and_inject_annotations_only = noClasses()
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages(
                    "java..", "io.openoms.domain..", "io.openoms.application..", "org.slf4j..", "jakarta.inject..")
            .because("the application core knows ports, not technologies; adapters and Guice live elsewhere")
            .allowEmptyShould(true);

    static final ArchRule the_application_has_no_package_cycles = slices().matching("io.openoms.application.(**)")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);

    @Test
    void application_depends_on_the_domain_slf4j_and_inject_annotations_only() {
        the_application_depends_on_the_domain_slf4j_and_inject_annotations_only.check(APPLICATION);
    }

    @Test
    void application_has_no_package_cycles() {
        the_application_has_no_package_cycles.check(APPLICATION);
    }
}
