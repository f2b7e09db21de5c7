package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

/** An order request that makes no sense; {@link #field()} names the offending field. */
public final class InvalidOrderRequestException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidOrderRequestException(String field, String message) {
        super(requireNonNull(field, "field is null") + ": " + requireNonNull(message, "message is null"));
        this.field = field;
        this.problem = message;
    }

    public String field() {
        return field;
    }

    /** What is wrong with {@link #field()}, without the field's name. */
    public String problem() {
        return problem;
    }
}
