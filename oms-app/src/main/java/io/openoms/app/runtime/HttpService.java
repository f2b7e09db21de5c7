package io.openoms.app.runtime;

/** The HTTP server as the runtime sees it: started last, stopped first. */
public interface HttpService {
    void start();

    /** The port listened on (the chosen one when the configured port is 0); valid after {@link #start()}. */
    int port();

    void stop();
}
