package io.openoms.app.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.openoms.app.runtime.HttpService;

/**
 * What the demo adds to the application's modules: the scripted session, and no HTTP server unless it
 * serves (then the server's HTTP and API modules bind it). The bindings are as strict as the server's:
 * every one explicit, no circular proxies.
 */
final class DemoModule extends AbstractModule {
    private final boolean serving;

    DemoModule(boolean serving) {
        this.serving = serving;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        if (!serving) {
            bind(HttpService.class).to(NoHttpService.class);
            bind(NoHttpService.class).in(Singleton.class);
        }
        bind(DemoScript.class).in(Singleton.class);
        bind(DemoParts.class);
    }
}
