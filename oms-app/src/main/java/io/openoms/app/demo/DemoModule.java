package io.openoms.app.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.openoms.app.runtime.HttpService;

/**
 * What the demo adds to the application's modules: no HTTP server, and the scripted session. The
 * bindings are as strict as the server's: every one explicit, no circular proxies.
 */
final class DemoModule extends AbstractModule {
    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        bind(HttpService.class).to(NoHttpService.class);
        bind(NoHttpService.class).in(Singleton.class);
        bind(DemoScript.class).in(Singleton.class);
        bind(DemoParts.class);
    }
}
