package io.openoms.app.runtime;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Process-wide logging set-up. */
public final class Logging {
    private Logging() {}

    /** Routes java.util.logging (Liquibase logs through it) into SLF4J and Logback. Idempotent. */
    public static synchronized void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
