package org.directbill.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CreditBureauRequestTest {

    @Test
    void the_wait_after_a_failure_starts_at_a_minute_doubles_and_stops_at_an_hour() {
        assertThat(CreditBureauRequest.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(CreditBureauRequest.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(CreditBureauRequest.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(CreditBureauRequest.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(CreditBureauRequest.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(CreditBureauRequest.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }
}
