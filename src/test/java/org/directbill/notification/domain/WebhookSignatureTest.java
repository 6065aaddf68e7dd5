package org.directbill.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void the_header_is_the_time_and_the_hmac_sha256_of_the_time_a_dot_and_the_raw_body() {
        byte[] body = "{\"id\":\"e\",\"data\":{\"ré\":1}}".getBytes(StandardCharsets.UTF_8);

        // Computed independently: python3 hmac.new(secret, b"1700000000." + body, hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.header("whsec-0123456789abcdef", 1_700_000_000L, body))
                .isEqualTo("t=1700000000,v1=c7ee707104f1506ee8e15a22cc79fb3bcfe4044fcb9d867288dc4d52990dbfb3");
    }

    @Test
    void another_time_or_secret_or_byte_gives_another_signature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signed = WebhookSignature.hex("a-secret-of-16-chars", 1, body);

        assertThat(WebhookSignature.hex("a-secret-of-16-chars", 2, body)).isNotEqualTo(signed);
        assertThat(WebhookSignature.hex("a-secret-of-16-charz", 1, body)).isNotEqualTo(signed);
        assertThat(WebhookSignature.hex("a-secret-of-16-chars", 1, "{ }".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signed);
    }
}
