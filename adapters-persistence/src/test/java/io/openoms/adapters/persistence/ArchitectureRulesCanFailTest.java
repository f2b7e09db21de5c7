package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.planted.GuiceStandIn;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.openoms.adapters.persistence.planted.a.CycleA;
import io.openoms.adapters.persistence.planted.b.CycleB;
import io.openoms.app.planted.AppStandIn;
import org.junit.jupiter.api.Test;

/** The architecture rules allow empty matches, so each is shown to report a violation planted for it. */
class ArchitectureRulesCanFailTest {
    static final class UsesTheApp {
        AppStandIn app;
    }

    static final class UsesGuice {
        GuiceStandIn injector;
    }

    @Test
    void a_dependency_on_the_app_is_reported() {
        assertViolated(
                PersistenceArchitectureTest.the_adapter_never_depends_on_another_adapter_or_the_app, UsesTheApp.class);
    }

    @Test
    void a_dependency_on_guice_is_reported() {
        assertViolated(PersistenceArchitectureTest.the_adapter_does_not_use_guice, UsesGuice.class);
    }

    @Test
    void a_package_cycle_is_reported() {
        assertViolated(PersistenceArchitectureTest.the_adapter_has_no_package_cycles, CycleA.class, CycleB.class);
    }

    private static void assertViolated(ArchRule rule, Class<?>... planted) {
        assertThat(rule.evaluate(new ClassFileImporter().importClasses(planted)).hasViolation())
                .as(rule.getDescription())
                .isTrue();
    }
}
