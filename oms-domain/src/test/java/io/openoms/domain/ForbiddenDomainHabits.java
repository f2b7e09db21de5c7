package io.openoms.domain;

import java.io.File;
import java.time.Instant;
import org.assertj.core.api.Assertions;

/** Everything the domain must not do, in one class, so the architecture rules can be shown to catch it. */
final class ForbiddenDomainHabits {
    private ForbiddenDomainHabits() {}

    static Instant readsTheClock() {
        return Instant.now();
    }

    static boolean doesIo() {
        return new File("/tmp").exists();
    }

    static Thread startsAThread() {
        return new Thread(() -> {});
    }

    static Object usesAFramework() {
        return Assertions.assertThat(1);
    }
}
