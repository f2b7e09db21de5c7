package io.openoms.app.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of HTTP routes. Each feature binds its own into the set ({@code
 * Multibinder.newSetBinder(binder(), HttpRoutes.class).addBinding().to(...)}); the server adds every
 * bound group at start-up, so a new API never edits the server.
 */
public interface HttpRoutes {
    void addTo(RoutesConfig routes);

    /**
     * The server is about to stop: end long-lived responses (event streams) now, while their requests
     * are still valid. Called once, before the server stops accepting; returns when they ended or gave up.
     */
    default void stopping() {}
}
