package io.openoms.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import io.openoms.app.http.DashboardRoutes;
import io.openoms.app.http.HealthRoutes;
import io.openoms.app.http.HttpRoutes;
import io.openoms.app.http.JavalinHttpServer;
import io.openoms.app.http.MetricsRoutes;
import io.openoms.app.runtime.HttpService;

/**
 * The HTTP server and its route groups: health, metrics and the web dashboard here; the REST API and the event stream
 * add their own {@link HttpRoutes} to the same set from their modules.
 */
public final class HttpModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<HttpRoutes> routes = Multibinder.newSetBinder(binder(), HttpRoutes.class);
        routes.addBinding().to(HealthRoutes.class);
        routes.addBinding().to(MetricsRoutes.class);
        routes.addBinding().to(DashboardRoutes.class);
        bind(DashboardRoutes.class).in(Singleton.class);
        bind(HealthRoutes.class).in(Singleton.class);
        bind(MetricsRoutes.class).in(Singleton.class);
        bind(JavalinHttpServer.class).in(Singleton.class);
        bind(HttpService.class).to(JavalinHttpServer.class);
    }

    /** How every endpoint writes and reads JSON. */
    @Provides
    @Singleton
    static JsonMapper jsonMapper() {
        ObjectMapper mapper =
                new ObjectMapper().registerModule(new Jdk8Module()).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return new JavalinJackson(mapper, false);
    }
}
