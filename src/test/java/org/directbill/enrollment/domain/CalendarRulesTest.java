package org.directbill.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Business days, service levels and the information request's reminder and due date. */
class CalendarRulesTest {

    static final LocalDate WEDNESDAY = LocalDate.of(2023, 6, 14);
    static final LocalDate FRIDAY = LocalDate.of(2023, 6, 16);

    @Test
    void five_business_days_after_a_wednesday_is_the_next_wednesday() {
        assertThat(BusinessDays.plus(WEDNESDAY, 5)).isEqualTo(LocalDate.of(2023, 6, 21));
    }

    @Test
    void a_friday_plus_one_business_day_is_the_monday_and_weekends_never_count() {
        assertThat(BusinessDays.plus(FRIDAY, 1)).isEqualTo(LocalDate.of(2023, 6, 19));
        assertThat(BusinessDays.plus(LocalDate.of(2023, 6, 17), 1)).isEqualTo(LocalDate.of(2023, 6, 19));
        assertThat(BusinessDays.between(FRIDAY, LocalDate.of(2023, 6, 19))).isEqualTo(1);
        assertThat(BusinessDays.between(FRIDAY, LocalDate.of(2023, 6, 18))).isZero();
    }

    @Test
    void business_days_left_are_negative_once_past_the_deadline() {
        assertThat(BusinessDays.between(LocalDate.of(2023, 6, 23), LocalDate.of(2023, 6, 21)))
                .isEqualTo(-2);
        assertThat(BusinessDays.between(WEDNESDAY, WEDNESDAY)).isZero();
    }

    @Test
    void the_verification_is_overdue_the_day_after_its_fifth_business_day() {
        ServiceLevel level = ServiceLevel.of(StateMachineTestSupport.since(EnrollmentStatus.IN_REVIEW, WEDNESDAY), null)
                .orElseThrow();
        assertThat(level.kind()).isEqualTo(ServiceLevel.Kind.VERIFICATION);
        assertThat(level.deadline()).isEqualTo(LocalDate.of(2023, 6, 21));
        assertThat(level.overdue(LocalDate.of(2023, 6, 21))).isFalse();
        assertThat(level.overdue(LocalDate.of(2023, 6, 22))).isTrue();
        assertThat(level.businessDaysLeft(WEDNESDAY)).isEqualTo(5);
    }

    @Test
    void the_credit_check_is_overdue_after_five_business_days() {
        ServiceLevel level = ServiceLevel.of(StateMachineTestSupport.since(EnrollmentStatus.CREDIT_CHECK, FRIDAY), null)
                .orElseThrow();
        assertThat(level.kind()).isEqualTo(ServiceLevel.Kind.CREDIT_CHECK);
        assertThat(level.deadline()).isEqualTo(LocalDate.of(2023, 6, 23));
        assertThat(level.overdue(LocalDate.of(2023, 6, 24))).isTrue();
    }

    @Test
    void while_the_partner_owes_an_answer_its_due_date_is_the_deadline() {
        Enrollment waiting = StateMachineTestSupport.since(EnrollmentStatus.INFO_REQUESTED, WEDNESDAY);
        InfoRequest request = request(LocalDate.of(2023, 6, 30), null, null);
        ServiceLevel level = ServiceLevel.of(waiting, request).orElseThrow();
        assertThat(level.kind()).isEqualTo(ServiceLevel.Kind.PARTNER_ANSWER);
        assertThat(level.deadline()).isEqualTo(LocalDate.of(2023, 6, 30));
    }

    @Test
    void nothing_runs_for_a_draft_an_approval_waiting_on_the_partner_or_an_end() {
        for (EnrollmentStatus status : List.of(
                EnrollmentStatus.DRAFT,
                EnrollmentStatus.CREDIT_APPROVED,
                EnrollmentStatus.ACTIVE,
                EnrollmentStatus.REJECTED,
                EnrollmentStatus.WITHDRAWN)) {
            assertThat(ServiceLevel.of(StateMachineTestSupport.since(status, WEDNESDAY), null))
                    .as(status.name())
                    .isEmpty();
        }
    }

    @Test
    void the_reminder_is_due_two_days_before_the_due_date_once() {
        InfoRequest request = request(LocalDate.of(2023, 6, 30), null, null);
        assertThat(request.reminderDue(LocalDate.of(2023, 6, 27))).isFalse();
        assertThat(request.reminderDue(LocalDate.of(2023, 6, 28))).isTrue();
        assertThat(request.reminderDue(LocalDate.of(2023, 6, 30))).isTrue();
        assertThat(request(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 28), null)
                        .reminderDue(LocalDate.of(2023, 6, 29)))
                .isFalse();
    }

    @Test
    void an_answer_on_the_due_date_is_in_time_and_the_day_after_is_past_due() {
        InfoRequest request = request(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 28), null);
        assertThat(request.pastDue(LocalDate.of(2023, 6, 30))).isFalse();
        assertThat(request.pastDue(LocalDate.of(2023, 7, 1))).isTrue();
        InfoRequest answered = request(
                LocalDate.of(2023, 6, 30),
                null,
                new InfoRequest.Answer("Here", Instant.parse("2023-06-29T10:00:00Z"), "ga", List.of()));
        assertThat(answered.pastDue(LocalDate.of(2023, 7, 1))).isFalse();
        assertThat(answered.reminderDue(LocalDate.of(2023, 6, 28))).isFalse();
    }

    @Test
    void submission_ignores_a_missing_support_plan_and_pending_facts_but_activation_needs_every_required_one_met() {
        var supportPlan = result("SUPPORT_PLAN", "REQUIRED", "NOT_MET");
        var vettingPending = result("BUSINESS_VETTING", "REQUIRED", "PENDING");
        var signatoryMissing = result("ENDORSEMENT", "REQUIRED", "NOT_MET");
        var recommended = result("MANAGED_SERVICE", "RECOMMENDED", "NOT_MET");
        var met = result("LOCATION_ID", "REQUIRED", "MET");
        assertThat(Gates.blockingSubmission(List.of(supportPlan, vettingPending, recommended, met)))
                .isEmpty();
        assertThat(Gates.blockingSubmission(List.of(supportPlan, signatoryMissing)))
                .containsExactly(signatoryMissing);
        assertThat(Gates.blockingActivation(List.of(supportPlan, vettingPending, recommended, met)))
                .containsExactly(supportPlan, vettingPending);
    }

    static org.directbill.policy.domain.RequirementResult result(String code, String level, String status) {
        return new org.directbill.policy.domain.RequirementResult(
                org.directbill.policy.domain.RequirementCode.valueOf(code),
                org.directbill.policy.domain.Level.valueOf(level),
                org.directbill.policy.domain.RequirementStatus.valueOf(status),
                "ANY",
                List.of(),
                java.util.Map.of());
    }

    static InfoRequest request(LocalDate due, LocalDate reminded, InfoRequest.Answer answer) {
        return new InfoRequest(
                UUID.randomUUID(),
                EnrollmentId.random(),
                "Send your registration certificate",
                due,
                Instant.parse("2023-06-14T09:00:00Z"),
                "reviewer",
                reminded,
                answer);
    }
}
