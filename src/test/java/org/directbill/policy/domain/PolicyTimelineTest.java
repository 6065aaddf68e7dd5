package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.directbill.policy.BuiltInPolicyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which built-in policy is in force on a date, at each boundary: the day before and the day itself. */
class PolicyTimelineTest {

    private static final PolicyTimeline BUILT_IN = PolicyTimeline.of(BuiltInPolicyFiles.all());

    private static Optional<String> inForce(PolicyTimeline timeline, String date) {
        return timeline.inForceOn(LocalDate.parse(date)).map(Policy::id);
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
        "2018-08-31, csp-direct-2018",
        "2020-10-26, csp-direct-2018",
        "2020-10-27, csp-direct-2020",
        "2021-04-14, csp-direct-2020",
        "2021-04-15, csp-direct-2021",
        "2025-09-30, csp-direct-2021",
        "2025-10-01, csp-direct-fy26",
        "2099-12-31, csp-direct-fy26"
    })
    void the_policy_in_force_is_the_latest_effective_on_or_before_the_date(String date, String policy) {
        assertThat(inForce(BUILT_IN, date)).contains(policy);
    }

    @Test
    void no_policy_is_in_force_the_day_before_the_first() {
        assertThat(inForce(BUILT_IN, "2018-08-30")).isEmpty();
    }

    @Test
    void the_order_the_policies_are_given_in_does_not_matter() {
        List<Policy> shuffled = new ArrayList<>(BuiltInPolicyFiles.all());
        Collections.reverse(shuffled);
        PolicyTimeline timeline = PolicyTimeline.of(shuffled);

        assertThat(timeline.policies()).extracting(Policy::id).containsExactlyElementsOf(BuiltInPolicyFiles.IDS);
        assertThat(inForce(timeline, "2021-04-15")).contains("csp-direct-2021");
    }
}
