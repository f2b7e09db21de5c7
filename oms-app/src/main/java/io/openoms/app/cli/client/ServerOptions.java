package io.openoms.app.cli.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --url}, {@code --api-key} and {@code --json}, shared by every client command. */
final class ServerOptions {
    static final String URL_VARIABLE = "OMS_URL";
    static final String API_KEY_VARIABLE = "OMS_API_KEY";
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The OpenOMS server; default: $OMS_URL, else " + DEFAULT_URL + ".")
    String url;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "The API key sent as X-API-Key; default: $OMS_API_KEY (prefer the variable: a command"
                    + " line is visible to other users of the machine).")
    String apiKey;

    @Option(names = "--json", description = "Print the server's JSON answer instead of a table.")
    boolean json;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for an answer (1-3600; default 30). After a timeout the outcome of a"
                    + " change is unknown: check before repeating it.")
    String timeout;

    /** The server these options name; the URL and the key are checked here, before anything is sent. */
    OmsServer server(Map<String, String> environment) {
        String text = Optional.ofNullable(url)
                .or(() -> nonBlank(environment.get(URL_VARIABLE)))
                .orElse(DEFAULT_URL);
        Optional<String> key = Optional.ofNullable(apiKey).or(() -> nonBlank(environment.get(API_KEY_VARIABLE)));
        if (key.isPresent() && !key.get().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ClientFailure.usage("the API key has characters an HTTP header cannot carry (spaces, control or"
                    + " non-ASCII characters); check --api-key or " + API_KEY_VARIABLE);
        }
        Duration wait = timeout == null
                ? OmsServer.DEFAULT_REQUEST_TIMEOUT
                : Duration.ofSeconds(ClientInput.wholeNumber("--timeout", timeout, 1, 3600));
        return new OmsServer(baseUri(text), key, wait);
    }

    static URI baseUri(String text) {
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalidUrl(trimmed);
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw invalidUrl(trimmed);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        path = path.replaceAll("/+$", "");
        // Accept the API's own base (".../api/v1"), which is what people copy from the docs.
        if (path.endsWith("/api/v1")) {
            path = path.substring(0, path.length() - "/api/v1".length());
        }
        // Host and port only: user information has no use with API keys and must not show up in messages.
        String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String base = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + path;
        return URI.create(base);
    }

    private static ClientFailure invalidUrl(String text) {
        return ClientFailure.usage(
                "--url / " + URL_VARIABLE + " '" + text + "' is not an http(s) URL such as " + DEFAULT_URL);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
