package io.openoms.simulators.kite;

/** How the simulator loses the reply to a request whose outcome the venue made unknown. */
public enum LostReply {
    /** No reply within the hold time (longer than any sane client read timeout), then the connection closes. */
    HOLD,
    /** The connection closes part-way through the reply: the client reads an incomplete response. */
    DROP_CONNECTION
}
