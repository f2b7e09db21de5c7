package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The simulated Kite Connect account and server: the app's {@code apiKey} and {@code apiSecret}, an
 * {@code accessToken} that is valid from the start (so a client configured with it needs no login),
 * the account's {@code userId}; the loopback ports of the REST API and the order-update stream
 * ({@code 0} picks a free one); how often the stream sends its 1-byte heartbeat ({@link Duration#ZERO}:
 * never on its own, tests call {@link KiteSimulator#sendHeartbeat()}); whether the acknowledgement of
 * a placement is streamed ({@code false} as the real Kite, which streams no update for a mere
 * placement); how a lost reply looks when the venue makes an outcome unknown and no fault says
 * otherwise, and how long a held reply is held; the cash shown by {@code GET /user/margins}.
 */
public record KiteSimulatorConfig(
        String apiKey,
        String apiSecret,
        String accessToken,
        String userId,
        int port,
        int streamPort,
        Duration heartbeatInterval,
        boolean streamPlacementAcknowledgements,
        LostReply lostReply,
        Duration replyHold,
        BigDecimal openingBalance) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,64}");

    public KiteSimulatorConfig {
        requireToken(apiKey, "apiKey");
        requireNonNull(apiSecret, "apiSecret is null");
        if (apiSecret.isBlank()) {
            throw new IllegalArgumentException("apiSecret is blank");
        }
        requireToken(accessToken, "accessToken");
        requireToken(userId, "userId");
        requirePort(port, "port");
        requirePort(streamPort, "streamPort");
        requireNonNull(heartbeatInterval, "heartbeatInterval is null");
        if (heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval must not be negative, got " + heartbeatInterval);
        }
        requireNonNull(lostReply, "lostReply is null");
        requireNonNull(replyHold, "replyHold is null");
        if (replyHold.isNegative() || replyHold.isZero()) {
            throw new IllegalArgumentException("replyHold must be positive, got " + replyHold);
        }
        requireNonNull(openingBalance, "openingBalance is null");
        if (openingBalance.signum() < 0) {
            throw new IllegalArgumentException("openingBalance must not be negative, got " + openingBalance);
        }
    }

    private static void requireToken(String value, String name) {
        requireNonNull(value, name + " is null");
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1-64 letters or digits, got '" + value + "'");
        }
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0-65535, got " + port);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: api key {@code kitesimkey}, secret {@code kitesimsecret}, access token
     * {@code kitesimtoken}, user {@code AB1234}, free ports, a heartbeat every second, placement
     * acknowledgements streamed, lost replies held for 30 s, ₹10,00,000 opening balance.
     */
    public static final class Builder {
        private String apiKey = "kitesimkey";
        private String apiSecret = "kitesimsecret";
        private String accessToken = "kitesimtoken";
        private String userId = "AB1234";
        private int port;
        private int streamPort;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private boolean streamPlacementAcknowledgements = true;
        private LostReply lostReply = LostReply.HOLD;
        private Duration replyHold = Duration.ofSeconds(30);
        private BigDecimal openingBalance = new BigDecimal("1000000");

        private Builder() {}

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder streamPort(int streamPort) {
            this.streamPort = streamPort;
            return this;
        }

        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
            return this;
        }

        public Builder streamPlacementAcknowledgements(boolean streamPlacementAcknowledgements) {
            this.streamPlacementAcknowledgements = streamPlacementAcknowledgements;
            return this;
        }

        public Builder lostReply(LostReply lostReply) {
            this.lostReply = lostReply;
            return this;
        }

        public Builder replyHold(Duration replyHold) {
            this.replyHold = replyHold;
            return this;
        }

        public Builder openingBalance(BigDecimal openingBalance) {
            this.openingBalance = openingBalance;
            return this;
        }

        public KiteSimulatorConfig build() {
            return new KiteSimulatorConfig(
                    apiKey,
                    apiSecret,
                    accessToken,
                    userId,
                    port,
                    streamPort,
                    heartbeatInterval,
                    streamPlacementAcknowledgements,
                    lostReply,
                    replyHold,
                    openingBalance);
        }
    }
}
