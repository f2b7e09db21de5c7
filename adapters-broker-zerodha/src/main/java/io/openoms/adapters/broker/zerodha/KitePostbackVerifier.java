package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;

/**
 * Checks that a postback came from Kite: its {@code checksum} must be the hex SHA-256 of
 * {@code order_id + order_timestamp + api_secret}, with {@code order_timestamp} exactly as in the
 * payload. The reference's attribute table names the input "timestamp", its prose
 * "order_timestamp"; this follows the prose, and a mismatch is refused (and logged by the
 * receiver) so a wrong reading shows at once. The checksum must be exactly the lowercase hex Kite
 * sends (no spaces, no other case). The comparison takes constant time.
 */
public final class KitePostbackVerifier {
    private final String apiSecret;

    public KitePostbackVerifier(String apiSecret) {
        this.apiSecret = requireNonNull(apiSecret, "apiSecret is null");
        if (apiSecret.isBlank()) {
            throw new IllegalArgumentException("apiSecret (" + KiteConfig.ENV_API_SECRET + ") is blank");
        }
    }

    public boolean isAuthentic(String orderId, String orderTimestamp, String checksum) {
        if (orderId == null || orderTimestamp == null || checksum == null) {
            return false;
        }
        // Exactly as Kite writes it (lowercase hex): a padded or recased checksum is not Kite's.
        byte[] expected = checksum(orderId, orderTimestamp, apiSecret).getBytes(US_ASCII);
        byte[] given = checksum.getBytes(US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Lowercase hex SHA-256 of {@code orderId + orderTimestamp + apiSecret}. */
    public static String checksum(String orderId, String orderTimestamp, String apiSecret) {
        return KiteSession.sha256Hex(requireNonNull(orderId, "orderId is null")
                + requireNonNull(orderTimestamp, "orderTimestamp is null")
                + requireNonNull(apiSecret, "apiSecret is null"));
    }

    @Override
    public String toString() {
        return "KitePostbackVerifier{apiSecret=***}";
    }
}
