package org.directbill.enrollment.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signature on what passes between the service and the credit bureau, both ways: {@code
 * X-Directbill-Timestamp} holds the epoch seconds, {@code X-Directbill-Signature} holds {@code
 * sha256=<hex of HMAC-SHA256(secret, timestamp + "." + body)>}. The timestamp is signed with the
 * body so a captured message cannot be replayed later than {@link #TOLERANCE} from its time.
 */
public final class HmacSigner {

    public static final String TIMESTAMP_HEADER = "X-Directbill-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Directbill-Signature";

    /** How far a timestamp may be from our clock, either way (clocks drift; replays must not). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public HmacSigner(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("an HMAC secret cannot be empty");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public static HmacSigner of(String secret) {
        return new HmacSigner(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** What a signed message is checked to be. */
    public enum Check {
        VALID,
        /** No signature, one that is malformed, or one that does not match. */
        INVALID,
        /** The signature matches, but the timestamp is too far from now: possibly a replay. */
        EXPIRED
    }

    /** The HMAC-SHA256 of the bytes, in lower-case hex. */
    public String hex(byte[] message) {
        return HexFormat.of().formatHex(mac(message));
    }

    /** The {@code X-Directbill-Signature} value for a body sent at {@code epochSeconds}. */
    public String sign(long epochSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(signed(Long.toString(epochSeconds), body)));
    }

    /** Checks the two headers against the raw body as received, at {@code now}. */
    public Check check(@Nullable String timestamp, @Nullable String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null) {
            return Check.INVALID;
        }
        String seconds = timestamp.strip();
        String given = signature.strip();
        if (!seconds.matches("\\d{1,18}") || !given.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Check.INVALID;
        }
        byte[] givenMac;
        try {
            givenMac = HexFormat.of().parseHex(given.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return Check.INVALID;
        }
        // Constant time: how much of a guess matched must not show in how long the refusal takes.
        if (!MessageDigest.isEqual(mac(signed(seconds, body)), givenMac)) {
            return Check.INVALID;
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(seconds));
        if (Duration.between(at, now).abs().compareTo(TOLERANCE) > 0) {
            return Check.EXPIRED;
        }
        return Check.VALID;
    }

    private static byte[] signed(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return message;
    }

    private byte[] mac(byte[] message) {
        try {
            // A Mac is not thread-safe: one per use.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}
