package io.openoms.app.config;

/**
 * The configuration cannot be used. The message names the key (and the environment variable, when
 * one set it), what is wrong and what is allowed; it is meant to be printed as it is, on one line.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
