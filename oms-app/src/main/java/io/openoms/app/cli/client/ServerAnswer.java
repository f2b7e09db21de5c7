package io.openoms.app.cli.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's answer to one request: its status and body, and the one line that says what went
 * wrong when the status is not a success.
 */
record ServerAnswer(String method, String path, boolean keyGiven, int status, String body, Optional<JsonNode> json) {
    ServerAnswer {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(body, "body is null");
        requireNonNull(json, "json is null");
    }

    static ServerAnswer of(String method, String path, boolean keyGiven, int status, String body) {
        Optional<JsonNode> json;
        try {
            json = body.isBlank() ? Optional.empty() : Optional.of(OmsServer.JSON.readTree(body));
        } catch (JsonProcessingException e) {
            json = Optional.empty();
        }
        return new ServerAnswer(method, path, keyGiven, status, body, json);
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The JSON body of a successful answer; otherwise the failure this answer stands for. */
    JsonNode orFail() {
        if (!succeeded()) {
            throw failure();
        }
        return json.orElseThrow(() -> new ClientFailure(
                ClientExitCode.FAILED,
                "the answer to " + method + " " + path + " (HTTP " + status + ") is not the API's JSON; is --url"
                        + " the OpenOMS server?"));
    }

    /** What went wrong, in one line that says what to do, with the exit code that classifies it. */
    ClientFailure failure() {
        Optional<String> serverJson = json.map(j -> body);
        String code = field("code").orElse("");
        String message = field("message").orElse("");
        if (json.isEmpty() || (message.isEmpty() && !isRejectedOrder())) {
            return new ClientFailure(
                    status == 401 || status == 403 ? ClientExitCode.NOT_AUTHORIZED : ClientExitCode.FAILED,
                    "HTTP " + status + " from " + method + " " + path + " without the API's error body; is --url the"
                            + " OpenOMS server (not a proxy or another service)?");
        }
        return switch (status) {
            case 401 -> new ClientFailure(
                    ClientExitCode.NOT_AUTHORIZED,
                    (keyGiven
                                    ? "the server refused the API key (" + message + ")"
                                    : "the server needs an API key (" + message + ")")
                            + "; set --api-key or " + ServerOptions.API_KEY_VARIABLE + " to a valid key",
                    serverJson);
            case 403 -> new ClientFailure(ClientExitCode.NOT_AUTHORIZED, forbidden(message), serverJson);
            case 400, 413 -> new ClientFailure(ClientExitCode.REFUSED, invalidFields(code, message), serverJson);
            case 404, 409 -> new ClientFailure(ClientExitCode.REFUSED, message + " (" + code + ")", serverJson);
            case 422 -> new ClientFailure(
                    ClientExitCode.REJECTED,
                    isRejectedOrder() ? rejection(json.get()) : message + " (" + code + ")",
                    serverJson);
            case 429, 503 -> new ClientFailure(
                    ClientExitCode.UNAVAILABLE,
                    message + " (" + code + ")" + (code.equals("ENGINE_TIMEOUT") ? "" : "; try again in a moment"),
                    serverJson);
            default -> new ClientFailure(
                    ClientExitCode.FAILED,
                    "the server failed (HTTP " + status + " " + code + ": " + message + "); see the server's log",
                    serverJson);
        };
    }

    private String forbidden(String message) {
        String required =
                json.map(j -> j.path("details").path("required").asText("")).orElse("");
        return message + (required.isEmpty() ? "" : "; use a key with the " + required + " role");
    }

    private static String invalid(String code, String message) {
        return message + " (" + code + ")";
    }

    private String invalidFields(String code, String message) {
        JsonNode fields = json.map(j -> j.path("details").path("fields")).orElse(null);
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            return invalid(code, message);
        }
        List<String> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            problems.add(entry.getKey() + " (" + entry.getValue().asText() + ")");
        }
        return "the server refused the request: invalid " + String.join(", ", problems) + " (" + code + ")";
    }

    private boolean isRejectedOrder() {
        return status == 422 && json.map(j -> j.has("status") && j.has("id")).orElse(false);
    }

    /** A risk-rejected order: its id, the check that refused it and why. */
    static String rejection(JsonNode order) {
        JsonNode rejection = order.path("rejection");
        String check = rejection.path("check").asText("");
        String source = rejection.path("source").asText("");
        String by = !check.isEmpty() ? " by the risk check " + check : source.isEmpty() ? "" : " by " + source;
        String line = "order " + order.path("id").asText() + " was "
                + order.path("status").asText() + by + ": "
                + rejection.path("reason").asText("no reason given");
        if (source.equals("RISK")) {
            line += "; nothing was sent to the broker";
        }
        if (check.equals("TRADING_STATE")) {
            line += " ('oms risk state' shows why; an admin resumes with 'oms risk resume --reason R')";
        }
        return line;
    }

    private Optional<String> field(String name) {
        return json.map(j -> j.path(name)).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }
}
