package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

/** An order request that makes no sense; {@link #field()} names the offending field. */
public final class InvalidOrderRequestException extends IllegalArgumentException {
    private final String field;

    public InvalidOrderRequestException(String field, String message) {
        super(requireNonNull(field, "field is null") + ": " + requireNonNull(message, "message is null"));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
