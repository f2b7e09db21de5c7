package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.alpaca.AlpacaBrokerGateway;
import io.openoms.adapters.broker.alpaca.AlpacaConfig;
import io.openoms.adapters.broker.alpaca.AlpacaLastPrices;
import io.openoms.adapters.broker.alpaca.AlpacaTradeStream;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.BrokerSessionState;
import io.openoms.domain.port.in.BrokerUpdates;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The {@code trade_updates} stream as the runtime sees it: opened after recovery, {@code CONNECTED}
 * while it listens, closed at shutdown. Updates pass through the last prices on their way to the core.
 *
 * <p>Thread safety: safe from any thread.
 */
final class AlpacaBrokerSession implements BrokerSession {
    private final AlpacaConfig config;
    private final AlpacaBrokerGateway gateway;
    private final AlpacaLastPrices prices;
    private final OkHttpClient http;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;
    private AlpacaTradeStream stream;

    AlpacaBrokerSession(AlpacaConfig config, AlpacaBrokerGateway gateway, AlpacaLastPrices prices, OkHttpClient http) {
        this.config = requireNonNull(config, "config is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.prices = requireNonNull(prices, "prices is null");
        this.http = requireNonNull(http, "http is null");
    }

    @Override
    public String name() {
        return AlpacaBrokerGateway.NAME;
    }

    @Override
    public void open(BrokerUpdates updates) {
        synchronized (lifecycle) {
            if (stream != null) {
                return;
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "alpaca-stream");
                thread.setDaemon(true);
                return thread;
            });
            stream = new AlpacaTradeStream(config, gateway, prices.forwardingTo(updates), http, scheduler);
            stream.start();
        }
    }

    @Override
    public BrokerSessionState state() {
        synchronized (lifecycle) {
            if (stream == null) {
                return BrokerSessionState.CLOSED;
            }
            return stream.isConnected() ? BrokerSessionState.CONNECTED : BrokerSessionState.DISCONNECTED;
        }
    }

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "apiUrl",
                config.apiUrl().toString(),
                "streamUrl",
                config.streamUrl().toString());
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (stream != null) {
                stream.close();
                stream = null;
            }
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler = null;
            }
        }
    }
}
