package io.openoms.app.demo;

import static java.util.Objects.requireNonNull;

import io.openoms.app.runtime.OmsRuntime;
import jakarta.inject.Inject;

/** The two objects the demo takes from one object graph: the application and its script. */
final class DemoParts {
    final OmsRuntime runtime;
    final DemoScript script;

    @Inject
    DemoParts(OmsRuntime runtime, DemoScript script) {
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.script = requireNonNull(script, "script is null");
    }
}
