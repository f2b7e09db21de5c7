package io.openoms.app.demo;

import io.openoms.app.runtime.HttpService;

/** The demo serves no HTTP: its session drives the engine's ports in-process and ends in seconds. */
final class NoHttpService implements HttpService {
    @Override
    public void start() {}

    @Override
    public int port() {
        throw new IllegalStateException("the demo serves no HTTP");
    }

    @Override
    public void stop() {}
}
