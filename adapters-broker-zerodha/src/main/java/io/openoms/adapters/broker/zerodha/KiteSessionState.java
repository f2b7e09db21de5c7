package io.openoms.adapters.broker.zerodha;

/** The health of the Kite session, as the health check reports it. */
public enum KiteSessionState {
    /** An access token is set, its 06:00 IST expiry is ahead and Kite has not refused it. */
    AUTHENTICATED,
    /** The access token passed its 06:00 IST expiry: nothing is sent until a new login. */
    EXPIRED,
    /** No access token, or Kite refused it ({@code TokenException}): a human must log in again. */
    RELOGIN_REQUIRED
}
