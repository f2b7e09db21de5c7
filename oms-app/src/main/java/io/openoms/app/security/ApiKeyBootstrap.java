package io.openoms.app.security;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.ConfigException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The first start without keys: refuses to listen beyond this machine (a server reachable by others
 * must never run without keys), else creates one admin key and prints it once, to the console and
 * never to the log; only its hash is stored.
 */
public final class ApiKeyBootstrap {
    public static final String FIRST_ADMIN_KEY_NAME = "admin";

    private ApiKeyBootstrap() {}

    /** Makes sure {@code store} has a key, creating the first admin key when it has none. */
    public static ApiKeyStore ensureKeys(ApiKeyStore store, String httpHost, PrintStream console) {
        requireNonNull(store, "store is null");
        requireNonNull(httpHost, "httpHost is null");
        requireNonNull(console, "console is null");
        if (!store.isEmpty()) {
            return store;
        }
        if (!isLoopback(httpHost)) {
            throw new ConfigException("http.host (OMS_HTTP_HOST) is " + httpHost
                    + " but no API key exists: set OMS_ADMIN_API_KEY (security.admin-api-key), or start once on"
                    + " 127.0.0.1 to create the first admin key in " + store.file());
        }
        String key = store.create(FIRST_ADMIN_KEY_NAME, Role.ADMIN);
        console.println("No API key existed: created the admin API key below. It is shown only this once;"
                + " only its hash is stored, in "
                + store.file().toAbsolutePath().normalize() + ".");
        console.println("  X-API-Key: " + key);
        console.flush();
        return store;
    }

    /** Whether {@code host} is this machine only: a loopback address or {@code localhost}. */
    public static boolean isLoopback(String host) {
        String trimmed = host.trim();
        if (trimmed.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!trimmed.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(trimmed.replace("[", "").replace("]", ""))
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
