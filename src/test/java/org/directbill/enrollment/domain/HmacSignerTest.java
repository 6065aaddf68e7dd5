package org.directbill.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.directbill.enrollment.domain.HmacSigner.Check;
import org.junit.jupiter.api.Test;

class HmacSignerTest {

    static final Instant NOW = Instant.parse("2023-06-14T09:00:00Z");
    static final byte[] BODY = "{\"enrollmentId\": \"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void it_computes_hmac_sha256_as_rfc_4231_test_case_2_says() {
        assertThat(HmacSigner.of("Jefe").hex("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void the_signature_is_the_hmac_of_the_timestamp_a_dot_and_the_body() {
        HmacSigner signer = HmacSigner.of("s3cret");
        long seconds = NOW.getEpochSecond();
        String message = seconds + "." + new String(BODY, StandardCharsets.UTF_8);

        assertThat(signer.sign(seconds, BODY))
                .isEqualTo("sha256=" + signer.hex(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_message_signed_with_the_secret_within_five_minutes_is_valid() {
        HmacSigner signer = HmacSigner.of("s3cret");
        long seconds = NOW.getEpochSecond();
        String signature = signer.sign(seconds, BODY);

        assertThat(signer.check(Long.toString(seconds), signature, BODY, NOW)).isEqualTo(Check.VALID);
        assertThat(signer.check(Long.toString(seconds), signature.toUpperCase(Locale.ROOT), BODY, NOW))
                .as("hex in either case")
                .isEqualTo(Check.VALID);
        assertThat(signer.check(Long.toString(seconds), signature, BODY, NOW.plus(Duration.ofMinutes(5))))
                .isEqualTo(Check.VALID);
        assertThat(signer.check(Long.toString(seconds), signature, BODY, NOW.minus(Duration.ofMinutes(5))))
                .isEqualTo(Check.VALID);
    }

    @Test
    void a_message_signed_more_than_five_minutes_away_from_now_has_expired() {
        HmacSigner signer = HmacSigner.of("s3cret");
        long seconds = NOW.getEpochSecond();
        String signature = signer.sign(seconds, BODY);

        assertThat(signer.check(Long.toString(seconds), signature, BODY, NOW.plusSeconds(301)))
                .isEqualTo(Check.EXPIRED);
        assertThat(signer.check(Long.toString(seconds), signature, BODY, NOW.minusSeconds(301)))
                .isEqualTo(Check.EXPIRED);
    }

    @Test
    void a_wrong_missing_or_malformed_signature_is_invalid() {
        HmacSigner signer = HmacSigner.of("s3cret");
        long seconds = NOW.getEpochSecond();
        String ts = Long.toString(seconds);
        String signature = signer.sign(seconds, BODY);
        byte[] changed = "{\"enrollmentId\": \"y\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(HmacSigner.of("other").check(ts, signature, BODY, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check(ts, signature, changed, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check(Long.toString(seconds + 1), signature, BODY, NOW))
                .isEqualTo(Check.INVALID);
        assertThat(signer.check(null, signature, BODY, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check(ts, null, BODY, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check(ts, signature.substring("sha256=".length()), BODY, NOW))
                .isEqualTo(Check.INVALID);
        assertThat(signer.check(ts, "sha256=zz", BODY, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check(ts, "sha256=", BODY, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check("-" + ts, signature, BODY, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check("soon", signature, BODY, NOW)).isEqualTo(Check.INVALID);
        assertThat(signer.check(ts, signature.substring(0, signature.length() - 2), BODY, NOW))
                .as("a truncated signature")
                .isEqualTo(Check.INVALID);
    }

    @Test
    void an_empty_secret_is_refused() {
        assertThatThrownBy(() -> HmacSigner.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
