package io.openoms.adapters.persistence;

/** A read or write could not reach the database. The message says why, without secrets. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
