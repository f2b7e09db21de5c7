package io.openoms.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before any route sees it (headers too large, a path with
 * bad percent-encoding such as {@code %00}, {@code %ZZ} or a lone {@code %}, a malformed request
 * line) in the API's error shape instead of Jetty's HTML page. The message is fixed per status and
 * never echoes the request: an oversized header may be an API key.
 */
final class JsonErrorHandler extends ErrorHandler {
    /** Jetty writes a body only for GET, POST and HEAD by default; a refused PUT or PATCH needs one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(status), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return body(status);
    }

    static ByteBuffer body(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code(status));
        body.put("message", message(status));
        body.put("details", Map.of("status", status));
        return ByteBuffer.wrap(ApiJson.text(body).getBytes(StandardCharsets.UTF_8));
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            case 501 -> "NOT_IMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "the request is not valid HTTP (e.g. a path with bad percent-encoding such as %00, %ZZ or a"
                    + " lone %)";
            case 414 -> "the request's URI is too long";
            case 431 -> "the request's headers are too large";
            case 413 -> "the request is too large";
            default -> "the server refused the request before reading it (HTTP " + status + ")";
        };
    }
}
