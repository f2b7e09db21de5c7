package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.http.ApiAccessRoutes;
import io.openoms.app.http.ApiAccounts;
import io.openoms.app.http.ApiRequestLimits;
import io.openoms.app.http.EventStreamRoutes;
import io.openoms.app.http.FillRoutes;
import io.openoms.app.http.HttpRoutes;
import io.openoms.app.http.OpenApiRoutes;
import io.openoms.app.http.OrderRoutes;
import io.openoms.app.http.PnlSeriesRoutes;
import io.openoms.app.http.PortfolioRoutes;
import io.openoms.app.http.ReconciliationRoutes;
import io.openoms.app.http.RiskRoutes;
import io.openoms.app.http.WebhookRoutes;
import io.openoms.app.http.WhoAmIRoutes;
import io.openoms.app.security.ApiKeyBootstrap;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.WebhookTokens;
import io.openoms.domain.port.in.Reconciliation;
import java.time.Clock;

/**
 * The REST API under {@code /api/v1}: API keys and roles, the request rate limit, orders, signals and webhooks, external fills, positions and
 * portfolio, risk administration, reconciliation, the event stream and the OpenAPI document.
 *
 * <p>{@link Reconciliation} is optional here: the module that schedules reconciliation binds it
 * (directly or with {@code OptionalBinder.setBinding()}); until one does, the reconciliation
 * endpoints answer 503.
 */
public final class ApiModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Reconciliation.class);
        Multibinder<HttpRoutes> routes = Multibinder.newSetBinder(binder(), HttpRoutes.class);
        routes.addBinding().to(ApiAccessRoutes.class);
        routes.addBinding().to(OrderRoutes.class);
        routes.addBinding().to(PortfolioRoutes.class);
        routes.addBinding().to(RiskRoutes.class);
        routes.addBinding().to(ReconciliationRoutes.class);
        routes.addBinding().to(EventStreamRoutes.class);
        routes.addBinding().to(OpenApiRoutes.class);
        routes.addBinding().to(WhoAmIRoutes.class);
        routes.addBinding().to(PnlSeriesRoutes.class);
        routes.addBinding().to(FillRoutes.class);
        routes.addBinding().to(WebhookRoutes.class);
        bind(WebhookRoutes.class).in(Singleton.class);
        bind(FillRoutes.class).in(Singleton.class);
        bind(WhoAmIRoutes.class).in(Singleton.class);
        bind(PnlSeriesRoutes.class).in(Singleton.class);
        bind(EventStreamRoutes.class).in(Singleton.class);
        bind(OpenApiRoutes.class).in(Singleton.class);
        bind(ApiAccessRoutes.class).in(Singleton.class);
        bind(OrderRoutes.class).in(Singleton.class);
        bind(PortfolioRoutes.class).in(Singleton.class);
        bind(RiskRoutes.class).in(Singleton.class);
        bind(ReconciliationRoutes.class).in(Singleton.class);
        bind(ApiAccounts.class).in(Singleton.class);
    }

    /**
     * The API keys. On a first start without any key this creates the admin key and prints it once
     * on the console (not the log), or refuses to start when the server would listen beyond this
     * machine.
     */
    @Provides
    @Singleton
    static ApiKeyStore apiKeys(OmsConfig config, Clock clock) {
        ApiKeyStore store =
                ApiKeyStore.open(config.dataDirectory(), config.security().adminApiKey(), clock);
        return ApiKeyBootstrap.ensureKeys(store, config.http().host(), System.out);
    }

    /** The webhook tokens, in {@code webhook-tokens.json} beside the API keys. */
    @Provides
    @Singleton
    static WebhookTokens webhookTokens(OmsConfig config, Clock clock) {
        return new WebhookTokens(ApiKeyStore.openWebhookTokens(config.dataDirectory(), clock));
    }

    /** The request rate limit per API key, on the monotonic clock. */
    @Provides
    @Singleton
    static ApiRequestLimits requestLimits(OmsConfig config) {
        return new ApiRequestLimits(config.security().rateLimit(), System::nanoTime);
    }
}
