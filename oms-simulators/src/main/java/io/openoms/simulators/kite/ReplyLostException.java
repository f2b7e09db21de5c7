package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

/** A request whose outcome the venue made unknown: its reply is lost as {@link #how()} says. */
final class ReplyLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LostReply how;
    private final String body;

    /** {@code body} is what the reply would have been; a dropped connection sends part of it. */
    ReplyLostException(LostReply how, String body) {
        super("reply lost: " + how);
        this.how = requireNonNull(how, "how is null");
        this.body = requireNonNull(body, "body is null");
    }

    LostReply how() {
        return how;
    }

    String body() {
        return body;
    }
}
