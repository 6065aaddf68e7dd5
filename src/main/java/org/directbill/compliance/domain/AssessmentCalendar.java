package org.directbill.compliance.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.directbill.policy.domain.Enforcement;
import org.jspecify.annotations.Nullable;

/**
 * When an ACTIVE partner is assessed (domain.md): each year on the anniversary of its first
 * activation (29 February falls on 28 February in other years), or, under a policy that measures at
 * {@code SUPPORT_RENEWAL}, on its support plan's renewal date when one is known after its last
 * assessment. A run late by days or years assesses once, on the latest date due, never on every
 * missed one.
 */
public final class AssessmentCalendar {

    private AssessmentCalendar() {}

    /** Why an assessment is due. */
    public enum Occasion {
        ANNIVERSARY,
        SUPPORT_RENEWAL
    }

    /** An assessment due on a date. */
    public record Due(LocalDate on, Occasion occasion) {}

    /** The anniversary of {@code firstActiveOn} in {@code year} (28 February for a 29 February outside leap years). */
    public static LocalDate anniversary(LocalDate firstActiveOn, int year) {
        return firstActiveOn.withYear(year);
    }

    /**
     * The assessment due on or before {@code asOf} and not yet made, if any.
     *
     * @param renewsOn the latest renewal date of the partner's support plans, when it has one
     */
    public static Optional<Due> dueBy(
            Standing standing, Enforcement.MeasureAt measureAt, @Nullable LocalDate renewsOn, LocalDate asOf) {
        if (standing.status() != DirectBillStatus.ACTIVE || standing.firstActiveOn() == null) {
            return Optional.empty();
        }
        LocalDate after = after(standing);
        if (measureAt == Enforcement.MeasureAt.SUPPORT_RENEWAL && renewsOn != null && renewsOn.isAfter(after)) {
            return renewsOn.isAfter(asOf) ? Optional.empty() : Optional.of(new Due(renewsOn, Occasion.SUPPORT_RENEWAL));
        }
        LocalDate latest = latestAnniversaryOnOrBefore(standing.firstActiveOn(), asOf);
        return latest.isAfter(after) ? Optional.of(new Due(latest, Occasion.ANNIVERSARY)) : Optional.empty();
    }

    /** The next assessment after the last one, for an ACTIVE partner (what its status page announces). */
    public static Optional<Due> next(Standing standing, Enforcement.MeasureAt measureAt, @Nullable LocalDate renewsOn) {
        if (!standing.status().isInGoodStanding() || standing.firstActiveOn() == null) {
            return Optional.empty();
        }
        LocalDate after = after(standing);
        if (measureAt == Enforcement.MeasureAt.SUPPORT_RENEWAL && renewsOn != null && renewsOn.isAfter(after)) {
            return Optional.of(new Due(renewsOn, Occasion.SUPPORT_RENEWAL));
        }
        LocalDate candidate = anniversary(standing.firstActiveOn(), after.getYear());
        if (!candidate.isAfter(after)) {
            candidate = anniversary(standing.firstActiveOn(), after.getYear() + 1);
        }
        return Optional.of(new Due(candidate, Occasion.ANNIVERSARY));
    }

    /** Assessments count from the latest one, or from the activation itself (which is not one). */
    private static LocalDate after(Standing standing) {
        LocalDate last = standing.lastAssessedOn();
        LocalDate first = standing.firstActiveOn();
        return last != null && first != null && last.isAfter(first) ? last : first;
    }

    private static LocalDate latestAnniversaryOnOrBefore(LocalDate firstActiveOn, LocalDate asOf) {
        LocalDate candidate = anniversary(firstActiveOn, asOf.getYear());
        return candidate.isAfter(asOf) ? anniversary(firstActiveOn, asOf.getYear() - 1) : candidate;
    }
}
