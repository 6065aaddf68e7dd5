package org.directbill.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.policy.domain.Enforcement.MeasureAt;
import org.junit.jupiter.api.Test;

/** When an ACTIVE partner is assessed (domain.md): anniversaries, 29 February, support renewals. */
class AssessmentCalendarTest {

    private static Standing activeSince(String date) {
        return Standing.none(PartnerId.random())
                .activated("FR", LocalDate.parse(date))
                .standing();
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void the_first_assessment_is_due_on_the_first_anniversary_not_before() {
        Standing standing = activeSince("2023-06-14");

        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.ANNIVERSARY, null, d("2024-06-13")))
                .isEmpty();
        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.ANNIVERSARY, null, d("2024-06-14")))
                .contains(new AssessmentCalendar.Due(d("2024-06-14"), AssessmentCalendar.Occasion.ANNIVERSARY));
        assertThat(AssessmentCalendar.next(standing, MeasureAt.ANNIVERSARY, null))
                .contains(new AssessmentCalendar.Due(d("2024-06-14"), AssessmentCalendar.Occasion.ANNIVERSARY));
    }

    @Test
    void the_activation_day_itself_is_not_an_assessment() {
        assertThat(AssessmentCalendar.dueBy(activeSince("2023-06-14"), MeasureAt.ANNIVERSARY, null, d("2023-06-14")))
                .isEmpty();
    }

    @Test
    void a_29_february_anniversary_falls_on_28_february_in_other_years() {
        Standing standing = activeSince("2024-02-29");

        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.ANNIVERSARY, null, d("2025-02-27")))
                .isEmpty();
        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.ANNIVERSARY, null, d("2025-02-28")))
                .map(AssessmentCalendar.Due::on)
                .contains(d("2025-02-28"));
        Standing assessed = standing.assessmentPassed(d("2025-02-28")).standing();
        assertThat(AssessmentCalendar.next(assessed, MeasureAt.ANNIVERSARY, null))
                .map(AssessmentCalendar.Due::on)
                .contains(d("2026-02-28"));
        Standing assessedAgain = assessed.assessmentPassed(d("2027-02-28")).standing();
        assertThat(AssessmentCalendar.next(assessedAgain, MeasureAt.ANNIVERSARY, null))
                .map(AssessmentCalendar.Due::on)
                .contains(d("2028-02-29"));
    }

    @Test
    void once_assessed_the_next_is_a_year_later_and_a_repeated_run_finds_nothing_due() {
        Standing assessed =
                activeSince("2023-06-14").assessmentPassed(d("2024-06-14")).standing();

        assertThat(AssessmentCalendar.dueBy(assessed, MeasureAt.ANNIVERSARY, null, d("2024-06-14")))
                .isEmpty();
        assertThat(AssessmentCalendar.dueBy(assessed, MeasureAt.ANNIVERSARY, null, d("2025-06-13")))
                .isEmpty();
        assertThat(AssessmentCalendar.dueBy(assessed, MeasureAt.ANNIVERSARY, null, d("2025-06-14")))
                .map(AssessmentCalendar.Due::on)
                .contains(d("2025-06-14"));
    }

    @Test
    void a_run_years_late_assesses_once_on_the_latest_anniversary() {
        Standing standing = activeSince("2019-03-10");

        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.ANNIVERSARY, null, d("2026-11-21")))
                .map(AssessmentCalendar.Due::on)
                .contains(d("2026-03-10"));
    }

    @Test
    void under_support_renewal_the_renewal_date_replaces_the_anniversary_when_known() {
        Standing standing = activeSince("2023-06-14");

        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.SUPPORT_RENEWAL, d("2024-06-30"), d("2024-06-14")))
                .isEmpty();
        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.SUPPORT_RENEWAL, d("2024-06-30"), d("2024-06-30")))
                .contains(new AssessmentCalendar.Due(d("2024-06-30"), AssessmentCalendar.Occasion.SUPPORT_RENEWAL));
        // No renewal known: the anniversary.
        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.SUPPORT_RENEWAL, null, d("2024-06-14")))
                .map(AssessmentCalendar.Due::occasion)
                .contains(AssessmentCalendar.Occasion.ANNIVERSARY);
        // A policy measuring on anniversaries ignores the renewal.
        assertThat(AssessmentCalendar.dueBy(standing, MeasureAt.ANNIVERSARY, d("2024-06-30"), d("2024-06-14")))
                .map(AssessmentCalendar.Due::on)
                .contains(d("2024-06-14"));
    }

    @Test
    void a_renewal_already_assessed_is_not_known_any_more_and_the_anniversary_comes_back() {
        Standing assessed =
                activeSince("2023-06-14").assessmentPassed(d("2024-06-30")).standing();

        assertThat(AssessmentCalendar.next(assessed, MeasureAt.SUPPORT_RENEWAL, d("2024-06-30")))
                .contains(new AssessmentCalendar.Due(d("2025-06-14"), AssessmentCalendar.Occasion.ANNIVERSARY));
        assertThat(AssessmentCalendar.next(assessed, MeasureAt.SUPPORT_RENEWAL, d("2025-06-30")))
                .contains(new AssessmentCalendar.Due(d("2025-06-30"), AssessmentCalendar.Occasion.SUPPORT_RENEWAL));
    }

    @Test
    void partners_not_active_are_not_assessed_by_the_calendar() {
        Standing atRisk = activeSince("2023-06-14")
                .assessmentFailed(d("2024-06-14"), 30, UUID.randomUUID())
                .standing();

        assertThat(AssessmentCalendar.dueBy(atRisk, MeasureAt.ANNIVERSARY, null, d("2025-06-14")))
                .isEmpty();
        assertThat(AssessmentCalendar.dueBy(
                        Standing.none(PartnerId.random()), MeasureAt.ANNIVERSARY, null, d("2025-06-14")))
                .isEmpty();
    }
}
