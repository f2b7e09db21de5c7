package io.openoms.adapters.signal.redis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class RedisSignalArchitectureTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.openoms.adapters.signal.redis");

    static final ArchRule the_adapter_never_depends_on_another_adapter_or_the_app = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.openoms.adapters.persistence..", "io.openoms.adapters.broker..", "io.openoms.app..")
            .because("adapters translate between one technology and the ports; they never know each other");

    static final ArchRule the_adapter_places_orders_through_the_driving_ports_only = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.openoms.application.engine..", "io.openoms.domain.port.out..", "com.google.inject..")
            .because("a signal is an order like any other: it enters through OrderEntry, never the engine or a store");

    @Test
    void adapter_never_depends_on_another_adapter_or_the_app() {
        the_adapter_never_depends_on_another_adapter_or_the_app.check(ADAPTER);
    }

    @Test
    void adapter_places_orders_through_the_driving_ports_only() {
        the_adapter_places_orders_through_the_driving_ports_only.check(ADAPTER);
    }
}
