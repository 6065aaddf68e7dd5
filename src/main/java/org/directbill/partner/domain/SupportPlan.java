package org.directbill.partner.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft partner support plan the partner holds (Advanced Support for Partners or Premier
 * Support for Partners). {@code flagged} marks a plan accepted although it was recorded while a
 * credit check was under way, so operations can look at it.
 */
public record SupportPlan(
        UUID id,
        PartnerId partnerId,
        Type type,
        String contractId,
        LocalDate purchasedOn,
        LocalDate renewsOn,
        boolean flagged,
        @Nullable String flagReason,
        Instant recordedAt,
        String recordedBy) {

    public enum Type {
        ASFP,
        PSFP
    }

    public record Registration(
            @Nullable Type type,
            @Nullable String contractId,
            @Nullable LocalDate purchasedOn,
            @Nullable LocalDate renewsOn) {}

    /** A registration that passed every rule, waiting for the credit-check guard's verdict. */
    public record Valid(Type type, String contractId, LocalDate purchasedOn, LocalDate renewsOn) {

        public SupportPlan record(
                PartnerId partnerId, SupportPlanGuard.Verdict verdict, Instant now, String recordedBy) {
            return new SupportPlan(
                    UUID.randomUUID(),
                    partnerId,
                    type,
                    contractId,
                    purchasedOn,
                    renewsOn,
                    verdict.flagged(),
                    verdict.flagReason(),
                    now,
                    recordedBy);
        }
    }

    public static Valid validate(Registration input, LocalDate today) {
        Violations violations = new Violations();
        Type type = violations.require("type", input.type());
        String contractId = violations.requireText("contractId", input.contractId(), 64);
        LocalDate purchasedOn = violations.require("purchasedOn", input.purchasedOn());
        LocalDate renewsOn = violations.require("renewsOn", input.renewsOn());
        if (purchasedOn != null && purchasedOn.isAfter(today)) {
            violations.add("purchasedOn", "DATE_IN_FUTURE", purchasedOn.toString());
        }
        if (purchasedOn != null && renewsOn != null && !renewsOn.isAfter(purchasedOn)) {
            violations.add("renewsOn", "RENEWAL_NOT_AFTER_PURCHASE", renewsOn.toString(), purchasedOn.toString());
        }
        violations.throwIfAny();
        return new Valid(
                Objects.requireNonNull(type),
                Objects.requireNonNull(contractId),
                Objects.requireNonNull(purchasedOn),
                Objects.requireNonNull(renewsOn));
    }

    /** Active on a day from its purchase to its renewal, both included. */
    public boolean isActiveOn(LocalDate date) {
        return !date.isBefore(purchasedOn) && !date.isAfter(renewsOn);
    }
}
