package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The correlation tag a placement carries at Kite, derived from our client order id: Kite takes
 * at most 20 letters and digits.
 *
 * <ul>
 *   <li>A client order id of 1-19 letters and digits is its own tag (readable in Kite's order
 *       book).
 *   <li>Any other id (longer, or with {@code _ - . : @}) gets a hashed tag: the first 104 bits of
 *       the SHA-256 of the id in base 36, upper case, left-padded to exactly 20 characters. The
 *       lengths keep the two forms apart: a direct tag is never 20 characters long.
 * </ul>
 *
 * <p>The function is deterministic, so {@code findOrder} can compute the tag from the id alone.
 * The way back from a hashed tag needs the mapping that {@link KiteTagRegistry} keeps. Collision
 * risk: two ids share a hashed tag with probability about n²/2¹⁰⁴ for n ids (below 10⁻²³ for a
 * million orders); the registry refuses a placement whose tag is already mapped to another id.
 */
final class KiteTag {
    static final int MAX_LENGTH = 20;
    private static final Pattern DIRECT = Pattern.compile("[A-Za-z0-9]{1,19}");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final BigInteger MODULUS = BigInteger.valueOf(36).pow(MAX_LENGTH);

    private KiteTag() {}

    public static String of(ClientOrderId id) {
        requireNonNull(id, "id is null");
        String value = id.value();
        if (DIRECT.matcher(value).matches()) {
            return value;
        }
        return hashed(value);
    }

    /** True when {@code tag} could have been sent by us: 1-20 letters and digits. */
    public static boolean isWellFormed(String tag) {
        return tag != null && VALID.matcher(tag).matches();
    }

    private static String hashed(String value) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        BigInteger number = new BigInteger(1, Arrays.copyOf(digest, 13)).mod(MODULUS);
        String base36 = number.toString(36).toUpperCase(Locale.ROOT);
        return "0".repeat(MAX_LENGTH - base36.length()) + base36;
    }
}
