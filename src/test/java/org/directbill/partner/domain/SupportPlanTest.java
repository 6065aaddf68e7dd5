package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.partner.domain.PartnerTest.violationsOf;

import java.time.Instant;
import java.time.LocalDate;
import org.directbill.shared.validation.Violation;
import org.junit.jupiter.api.Test;

/** Support plans: their rules and when they are active (domain.md, "Dates and boundaries"). */
class SupportPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate PURCHASED = LocalDate.of(2025, 6, 1);
    static final LocalDate RENEWS = LocalDate.of(2026, 5, 31);

    static SupportPlan.Registration registration(LocalDate purchasedOn, LocalDate renewsOn) {
        return new SupportPlan.Registration(SupportPlan.Type.ASFP, "C-1", purchasedOn, renewsOn);
    }

    static SupportPlan plan() {
        return SupportPlan.validate(registration(PURCHASED, RENEWS), TODAY)
                .record(PartnerId.random(), SupportPlanGuard.Verdict.accept(), Instant.EPOCH, "admin");
    }

    @Test
    void a_valid_registration_keeps_its_values() {
        SupportPlan.Valid valid = SupportPlan.validate(
                new SupportPlan.Registration(SupportPlan.Type.PSFP, "  CONTRACT-42 ", PURCHASED, RENEWS), TODAY);

        assertThat(valid).isEqualTo(new SupportPlan.Valid(SupportPlan.Type.PSFP, "CONTRACT-42", PURCHASED, RENEWS));
    }

    @Test
    void every_missing_value_is_reported_at_once() {
        assertThat(violationsOf(() -> SupportPlan.validate(new SupportPlan.Registration(null, " ", null, null), TODAY)))
                .containsExactly(
                        Violation.of("type", "REQUIRED"),
                        Violation.of("contractId", "REQUIRED"),
                        Violation.of("purchasedOn", "REQUIRED"),
                        Violation.of("renewsOn", "REQUIRED"));
    }

    @Test
    void a_contract_id_has_at_most_64_characters() {
        assertThat(violationsOf(() -> SupportPlan.validate(
                        new SupportPlan.Registration(SupportPlan.Type.ASFP, "c".repeat(65), PURCHASED, RENEWS), TODAY)))
                .containsExactly(Violation.of("contractId", "TOO_LONG", 64));
    }

    @Test
    void a_plan_may_be_purchased_today() {
        assertThat(SupportPlan.validate(registration(TODAY, TODAY.plusYears(1)), TODAY)
                        .purchasedOn())
                .isEqualTo(TODAY);
    }

    @Test
    void a_purchase_in_the_future_is_refused() {
        LocalDate tomorrow = TODAY.plusDays(1);

        assertThat(violationsOf(() -> SupportPlan.validate(registration(tomorrow, tomorrow.plusYears(1)), TODAY)))
                .containsExactly(Violation.of("purchasedOn", "DATE_IN_FUTURE", "2026-03-03"));
    }

    @Test
    void renews_on_must_be_after_purchased_on() {
        assertThat(violationsOf(() -> SupportPlan.validate(registration(PURCHASED, PURCHASED), TODAY)))
                .containsExactly(Violation.of("renewsOn", "RENEWAL_NOT_AFTER_PURCHASE", "2025-06-01", "2025-06-01"));
        assertThat(violationsOf(() -> SupportPlan.validate(registration(PURCHASED, PURCHASED.minusDays(1)), TODAY)))
                .containsExactly(Violation.of("renewsOn", "RENEWAL_NOT_AFTER_PURCHASE", "2025-05-31", "2025-06-01"));
    }

    @Test
    void renews_on_the_day_after_the_purchase_is_accepted() {
        assertThat(SupportPlan.validate(registration(PURCHASED, PURCHASED.plusDays(1)), TODAY)
                        .renewsOn())
                .isEqualTo(LocalDate.of(2025, 6, 2));
    }

    @Test
    void a_future_purchase_and_an_early_renewal_are_reported_together() {
        LocalDate later = TODAY.plusDays(5);

        assertThat(violationsOf(() -> SupportPlan.validate(registration(later, later.minusDays(1)), TODAY)))
                .containsExactly(
                        Violation.of("purchasedOn", "DATE_IN_FUTURE", "2026-03-07"),
                        Violation.of("renewsOn", "RENEWAL_NOT_AFTER_PURCHASE", "2026-03-06", "2026-03-07"));
    }

    @Test
    void a_plan_is_active_on_its_purchase_day() {
        assertThat(plan().isActiveOn(PURCHASED)).isTrue();
    }

    @Test
    void a_plan_is_active_on_its_renewal_day() {
        assertThat(plan().isActiveOn(RENEWS)).isTrue();
    }

    @Test
    void a_plan_is_active_between_purchase_and_renewal() {
        assertThat(plan().isActiveOn(TODAY)).isTrue();
    }

    @Test
    void a_plan_is_not_active_the_day_before_its_purchase() {
        assertThat(plan().isActiveOn(PURCHASED.minusDays(1))).isFalse();
    }

    @Test
    void a_plan_is_not_active_the_day_after_its_renewal() {
        assertThat(plan().isActiveOn(RENEWS.plusDays(1))).isFalse();
    }

    @Test
    void a_recorded_plan_carries_the_valid_values_and_who_recorded_it() {
        PartnerId partner = PartnerId.random();
        Instant now = Instant.parse("2026-03-02T10:15:30Z");

        SupportPlan plan = SupportPlan.validate(registration(PURCHASED, RENEWS), TODAY)
                .record(partner, SupportPlanGuard.Verdict.accept(), now, "gaby@example.com");

        assertThat(plan.id()).isNotNull();
        assertThat(plan.partnerId()).isEqualTo(partner);
        assertThat(plan.type()).isEqualTo(SupportPlan.Type.ASFP);
        assertThat(plan.contractId()).isEqualTo("C-1");
        assertThat(plan.purchasedOn()).isEqualTo(PURCHASED);
        assertThat(plan.renewsOn()).isEqualTo(RENEWS);
        assertThat(plan.flagged()).isFalse();
        assertThat(plan.flagReason()).isNull();
        assertThat(plan.recordedAt()).isEqualTo(now);
        assertThat(plan.recordedBy()).isEqualTo("gaby@example.com");
    }

    @Test
    void a_plan_accepted_with_a_flag_keeps_the_reason() {
        SupportPlan plan = SupportPlan.validate(registration(PURCHASED, RENEWS), TODAY)
                .record(
                        PartnerId.random(),
                        SupportPlanGuard.Verdict.acceptFlagged("CREDIT_CHECK_IN_PROGRESS"),
                        Instant.EPOCH,
                        "admin");

        assertThat(plan.flagged()).isTrue();
        assertThat(plan.flagReason()).isEqualTo("CREDIT_CHECK_IN_PROGRESS");
    }

    @Test
    void each_recorded_plan_gets_its_own_id() {
        assertThat(plan().id()).isNotEqualTo(plan().id());
    }
}
