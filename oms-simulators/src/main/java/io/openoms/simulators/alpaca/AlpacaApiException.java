package io.openoms.simulators.alpaca;

/** An Alpaca error answer: HTTP status and {@code {"code":…,"message":…}}. */
final class AlpacaApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;

    AlpacaApiException(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static AlpacaApiException unprocessable(String message) {
        return new AlpacaApiException(422, 42210000, message);
    }

    static AlpacaApiException notFound(String message) {
        return new AlpacaApiException(404, 40410000, message);
    }

    static AlpacaApiException forbidden(String message) {
        return new AlpacaApiException(403, 40310000, message);
    }

    static AlpacaApiException unauthorized() {
        return new AlpacaApiException(401, 40110000, "request is not authorized");
    }

    static AlpacaApiException tooManyRequests() {
        return new AlpacaApiException(429, 42910000, "rate limit exceeded");
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}
