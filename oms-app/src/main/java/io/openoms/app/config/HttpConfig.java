package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

/**
 * Where the HTTP server listens.
 *
 * @param host the address to bind ({@code http.host}, {@code OMS_HTTP_HOST}, default {@code 127.0.0.1}:
 *     reachable from this machine only)
 * @param port the port ({@code http.port}, {@code OMS_HTTP_PORT}, default 8080; 0 picks a free port)
 */
public record HttpConfig(String host, int port) {
    public static final HttpConfig DEFAULT = new HttpConfig("127.0.0.1", 8080);

    public HttpConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: is required (an address such as 127.0.0.1 or 0.0.0.0)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: must be between 0 and 65535 (0 picks a free port), got " + port);
        }
    }

    public HttpConfig withPort(int newPort) {
        return new HttpConfig(requireNonNull(host, "host is null"), newPort);
    }
}
