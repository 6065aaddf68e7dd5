package org.directbill.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.junit.jupiter.api.Test;

/** The standing's steps and the calendar's boundaries (domain.md, "Staying a direct-bill partner"). */
class EscalationTimelineTest {

    private static final LocalDate ACTIVATED = LocalDate.parse("2023-06-14");
    private static final LocalDate ASSESSED = LocalDate.parse("2024-06-14");

    private final Standing active =
            Standing.none(PartnerId.random()).activated("FR", ACTIVATED).standing();

    @Test
    void a_first_activation_makes_the_partner_active_on_that_day_with_its_market() {
        Standing.Step step = Standing.none(PartnerId.random()).activated("FR", ACTIVATED);

        assertThat(step.standing().status()).isEqualTo(DirectBillStatus.ACTIVE);
        assertThat(step.standing().since()).isEqualTo(ACTIVATED);
        assertThat(step.standing().firstActiveOn()).isEqualTo(ACTIVATED);
        assertThat(step.standing().markets()).containsExactly("FR");
        assertThat(step.change()).hasValueSatisfying(change -> {
            assertThat(change.from()).isEqualTo(DirectBillStatus.NONE);
            assertThat(change.cause()).isEqualTo(ChangeCause.ENROLLMENT_ACTIVATED);
        });
    }

    @Test
    void a_second_market_is_added_without_changing_the_status_or_the_anniversary() {
        Standing restricted = active.assessmentFailed(ASSESSED, 30, UUID.randomUUID())
                .standing()
                .restrict(ASSESSED.plusDays(31), 30, 60, ChangeCause.CURE_DEADLINE_PASSED, null)
                .standing();

        Standing.Step step = restricted.activated("DE", LocalDate.parse("2024-08-01"));

        assertThat(step.change()).isEmpty();
        assertThat(step.standing().status()).isEqualTo(DirectBillStatus.RESTRICTED);
        assertThat(step.standing().markets()).containsExactly("DE", "FR");
        assertThat(step.standing().firstActiveOn()).isEqualTo(ACTIVATED);
    }

    @Test
    void a_failed_assessment_gives_thirty_days_to_cure_and_the_deadline_day_still_counts() {
        Standing atRisk =
                active.assessmentFailed(ASSESSED, 30, UUID.randomUUID()).standing();

        assertThat(atRisk.status()).isEqualTo(DirectBillStatus.AT_RISK);
        assertThat(atRisk.cureDeadline()).isEqualTo(LocalDate.parse("2024-07-14"));
        assertThat(atRisk.escalationDueBy(LocalDate.parse("2024-07-14"))).isEmpty();
        assertThat(atRisk.escalationDueBy(LocalDate.parse("2024-07-15")))
                .contains(new Escalation(Escalation.Kind.RESTRICT, LocalDate.parse("2024-07-15")));
        assertThat(atRisk.cured(LocalDate.parse("2024-07-14")).standing().status())
                .isEqualTo(DirectBillStatus.ACTIVE);
        assertThatThrownBy(() -> atRisk.cured(LocalDate.parse("2024-07-15"))).isInstanceOf(IllegalStatusChange.class);
    }

    @Test
    void restriction_the_day_after_the_deadline_then_suspension_at_30_and_revocation_at_60_days() {
        Standing atRisk =
                active.assessmentFailed(ASSESSED, 30, UUID.randomUUID()).standing();
        LocalDate restrictedOn = LocalDate.parse("2024-07-15");
        Standing restricted = atRisk.restrict(restrictedOn, 30, 60, ChangeCause.CURE_DEADLINE_PASSED, null)
                .standing();

        assertThat(restricted.suspendOn()).isEqualTo(LocalDate.parse("2024-08-14"));
        assertThat(restricted.revokeOn()).isEqualTo(LocalDate.parse("2024-09-13"));
        assertThat(restricted.escalationDueBy(LocalDate.parse("2024-08-13"))).isEmpty();
        assertThat(restricted.escalationDueBy(LocalDate.parse("2024-08-14")))
                .contains(new Escalation(Escalation.Kind.SUSPEND, LocalDate.parse("2024-08-14")));

        Standing suspended = restricted.suspend(LocalDate.parse("2024-08-14")).standing();
        assertThat(suspended.escalationDueBy(LocalDate.parse("2024-09-12"))).isEmpty();
        assertThat(suspended.escalationDueBy(LocalDate.parse("2024-09-13")))
                .contains(new Escalation(Escalation.Kind.REVOKE, LocalDate.parse("2024-09-13")));

        Standing revoked = suspended
                .revoke(LocalDate.parse("2024-09-13"), ChangeCause.REVOCATION_DUE, null)
                .standing();
        assertThat(revoked.status()).isEqualTo(DirectBillStatus.REVOKED);
        assertThat(revoked.nextEscalation()).isEmpty();
    }

    @Test
    void a_policy_revoking_before_it_suspends_goes_straight_to_revocation() {
        Standing restricted = active.restrict(ASSESSED, 45, 20, ChangeCause.RESTRICTED_BY_ADMIN, "Fraud")
                .standing();

        assertThat(restricted.nextEscalation()).contains(new Escalation(Escalation.Kind.REVOKE, ASSESSED.plusDays(20)));
    }

    @Test
    void a_reinstated_partner_is_active_and_nothing_is_planned_any_more() {
        Standing restricted = active.restrict(ASSESSED, 30, 60, ChangeCause.RESTRICTED_BY_ADMIN, "Unpaid invoices")
                .standing();

        Standing.Step step = restricted.reinstate(ASSESSED.plusDays(3), "Invoices paid");

        assertThat(step.standing().status()).isEqualTo(DirectBillStatus.ACTIVE);
        assertThat(step.standing().suspendOn()).isNull();
        assertThat(step.standing().revokeOn()).isNull();
        assertThat(step.standing().nextEscalation()).isEmpty();
        assertThat(step.change()).hasValueSatisfying(change -> {
            assertThat(change.cause()).isEqualTo(ChangeCause.REINSTATED_BY_ADMIN);
            assertThat(change.reason()).isEqualTo("Invoices paid");
        });
    }

    @Test
    void steps_the_status_does_not_allow_are_refused() {
        Standing none = Standing.none(PartnerId.random());
        assertThatThrownBy(() -> none.restrict(ASSESSED, 30, 60, ChangeCause.RESTRICTED_BY_ADMIN, "x"))
                .isInstanceOf(IllegalStatusChange.class);
        assertThatThrownBy(() -> none.revoke(ASSESSED, ChangeCause.REVOKED_BY_ADMIN, "x"))
                .isInstanceOf(IllegalStatusChange.class);
        assertThatThrownBy(() -> active.reinstate(ASSESSED, "x")).isInstanceOf(IllegalStatusChange.class);
        assertThatThrownBy(() -> active.suspend(ASSESSED)).isInstanceOf(IllegalStatusChange.class);
        Standing revoked =
                active.revoke(ASSESSED, ChangeCause.REVOKED_BY_ADMIN, "x").standing();
        assertThatThrownBy(() -> revoked.revoke(ASSESSED, ChangeCause.REVOKED_BY_ADMIN, "x"))
                .isInstanceOf(IllegalStatusChange.class);
        assertThatThrownBy(() -> revoked.restrict(ASSESSED, 30, 60, ChangeCause.RESTRICTED_BY_ADMIN, "x"))
                .isInstanceOf(IllegalStatusChange.class);
    }

    @Test
    void a_step_taken_by_hand_needs_a_reason() {
        assertThatThrownBy(() -> active.restrict(ASSESSED, 30, 60, ChangeCause.RESTRICTED_BY_ADMIN, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
