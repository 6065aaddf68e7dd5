package org.directbill.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Directbill-Signature} header of a delivery: {@code t=<unix seconds>,v1=<hex of
 * HMAC-SHA256(secret, "<t>." + raw body bytes)>}. The time is signed with the body, so a receiver
 * that refuses old timestamps cannot be fed a captured delivery later; {@code v1} names the scheme,
 * so that another can be sent beside it one day without breaking receivers.
 *
 * <p>Plain {@code javax.crypto}: the enrollment module's signer signs the same way but writes two
 * other headers, and modules do not share their internals for twenty lines of JDK.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Directbill-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The header's value for {@code body} sent at {@code epochSeconds} under {@code secret} (UTF-8). */
    public static String header(String secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + hex(secret, epochSeconds, body);
    }

    /** The lower-case hex HMAC-SHA256 of {@code "<epochSeconds>." + body}. */
    public static String hex(String secret, long epochSeconds, byte[] body) {
        try {
            // A Mac is not thread-safe: one per use.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}
