package org.directbill.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 10);

    @Test
    void the_wait_doubles_after_each_failure_up_to_the_maximum() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void an_email_is_given_up_after_the_maximum_number_of_attempts() {
        assertThat(policy.givesUpAfter(9)).isFalse();
        assertThat(policy.givesUpAfter(10)).isTrue();
    }

    @Test
    void nonsense_settings_are_refused_at_start() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
