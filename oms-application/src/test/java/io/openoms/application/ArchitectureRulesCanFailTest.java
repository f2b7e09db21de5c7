package io.openoms.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.openoms.application.planted.a.CycleA;
import io.openoms.application.planted.b.CycleB;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The architecture rules allow empty matches, so each is shown to report a violation planted for it. */
class ArchitectureRulesCanFailTest {
    static final class UsesATestLibrary {
        Assertions assertions;
    }

    @Test
    void a_dependency_outside_the_domain_slf4j_and_inject_is_reported() {
        assertViolated(
                ApplicationArchitectureTest.the_application_depends_on_the_domain_slf4j_and_inject_annotations_only,
                UsesATestLibrary.class);
    }

    @Test
    void a_package_cycle_is_reported() {
        assertViolated(ApplicationArchitectureTest.the_application_has_no_package_cycles, CycleA.class, CycleB.class);
    }

    private static void assertViolated(ArchRule rule, Class<?>... planted) {
        assertThat(rule.evaluate(new ClassFileImporter().importClasses(planted)).hasViolation())
                .as(rule.getDescription())
                .isTrue();
    }
}
