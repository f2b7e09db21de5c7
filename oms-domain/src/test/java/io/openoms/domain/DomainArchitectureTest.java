package io.openoms.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DomainArchitectureTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.openoms.domain");

    static final ArchRule the_domain_depends_on_the_jdk_only = noClasses()
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("java..", "io.openoms.domain..")
            .because("a strategy author compiles against oms-domain alone, and the domain stays free of frameworks");

    static final ArchRule the_domain_does_no_io = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..", "java.lang.reflect..")
            .because("the domain is pure: adapters do I/O");

    static final ArchRule the_domain_starts_no_threads = noClasses()
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Thread.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.util.concurrent.locks..")
            .because("the engine owns threading; the domain is single-threaded and deterministic");

    static final ArchRule the_domain_never_reads_the_clock = noClasses()
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalTime.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Clock.class)
            .because("time is passed in, so every run is replayable");

    static final ArchRule the_domain_has_no_package_cycles = slices().matching("io.openoms.domain.(**)")
            .should()
            .beFreeOfCycles()
            .because("packages depend one way: values, instruments, orders, positions, risk, ports");

    @Test
    void domain_depends_on_the_jdk_only() {
        the_domain_depends_on_the_jdk_only.check(DOMAIN);
    }

    @Test
    void domain_does_no_io() {
        the_domain_does_no_io.check(DOMAIN);
    }

    @Test
    void domain_starts_no_threads() {
        the_domain_starts_no_threads.check(DOMAIN);
    }

    @Test
    void domain_never_reads_the_clock() {
        the_domain_never_reads_the_clock.check(DOMAIN);
    }

    @Test
    void domain_has_no_package_cycles() {
        the_domain_has_no_package_cycles.check(DOMAIN);
    }

    @Test
    void each_rule_catches_what_it_forbids() {
        JavaClasses forbidden = new ClassFileImporter().importClasses(ForbiddenDomainHabits.class);
        for (ArchRule rule : java.util.List.of(
                the_domain_depends_on_the_jdk_only,
                the_domain_does_no_io,
                the_domain_starts_no_threads,
                the_domain_never_reads_the_clock)) {
            assertThatThrownBy(() -> rule.check(forbidden))
                    .as(rule.getDescription())
                    .isInstanceOf(AssertionError.class);
        }
    }
}
