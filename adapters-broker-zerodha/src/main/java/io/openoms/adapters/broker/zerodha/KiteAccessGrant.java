package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The result of a login: the day's access token, whose it is and when the login happened (its
 * expiry follows from that). The token never appears in {@link #toString()}.
 */
public record KiteAccessGrant(String userId, String accessToken, Instant loginTime) {
    public KiteAccessGrant {
        requireNonNull(userId, "userId is null");
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(loginTime, "loginTime is null");
        if (accessToken.isBlank()) {
            throw new IllegalArgumentException("access token is blank");
        }
        if (accessToken.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("access token contains characters outside printable ASCII");
        }
    }

    @Override
    public String toString() {
        return "KiteAccessGrant{userId=" + userId + ", accessToken=***, loginTime=" + loginTime + "}";
    }
}
