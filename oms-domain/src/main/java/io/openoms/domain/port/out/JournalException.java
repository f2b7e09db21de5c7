package io.openoms.domain.port.out;

/** A batch could not be made durable; nothing of it was written. The message says why, without secrets. */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
