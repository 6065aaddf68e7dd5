package org.directbill.partner.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A machine account's API key, kept only as a SHA-256 digest. The key carries 256 random bits,
 * so a fast digest is as safe as a slow password hash here, and it fits the order path.
 */
public record ApiKey(UUID id, UserId userId, String name, String keyHash, String keyPrefix, Instant createdAt) {

    public static final String PREFIX = "dbk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key and its one-time clear text. */
    public record Issued(ApiKey key, String secret) {}

    public static Issued issue(UserId userId, String name, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey(UUID.randomUUID(), userId, name, digest(secret), secret.substring(0, 10), now);
        return new Issued(key, secret);
    }

    public static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX);
    }

    public static String digest(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
