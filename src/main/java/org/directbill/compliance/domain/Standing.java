package org.directbill.compliance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * A partner's standing as a direct-bill partner (domain.md, "Staying a direct-bill partner"): its
 * status and since when, the markets where it is enrolled, the date its assessments count from, and
 * the dates its escalation is heading for. Each step is an intention-revealing method that checks
 * the status allows it and returns the new standing with the change to record; nothing here reads
 * a clock — every date is given.
 *
 * @param since when the current status took effect (null only for a partner never enrolled)
 * @param firstActiveOn when its first enrollment became ACTIVE: the anniversary of its assessments
 * @param lastAssessedOn the date of its latest decided assessment (due date or on-demand date)
 * @param cureDeadline while AT_RISK: the last day (inclusive) to meet the requirements again
 * @param restrictedOn from RESTRICTED on: the day the restriction took effect
 * @param suspendOn while RESTRICTED: the day it becomes SUSPENDED unless reinstated
 * @param revokeOn while RESTRICTED or SUSPENDED: the day it becomes REVOKED unless reinstated
 * @param failedAssessmentId from AT_RISK on: the assessment that failed (its unmet requirements)
 * @param version increases with every stored change (optimistic locking)
 */
public record Standing(
        PartnerId partnerId,
        DirectBillStatus status,
        @Nullable LocalDate since,
        SortedSet<String> markets,
        @Nullable LocalDate firstActiveOn,
        @Nullable LocalDate lastAssessedOn,
        @Nullable LocalDate cureDeadline,
        @Nullable LocalDate restrictedOn,
        @Nullable LocalDate suspendOn,
        @Nullable LocalDate revokeOn,
        @Nullable UUID failedAssessmentId,
        @Nullable LocalDate indirectResellerSince,
        long version) {

    public Standing {
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(status);
        markets = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(markets));
    }

    /** A partner that has never been a direct-bill partner. */
    public static Standing none(PartnerId partnerId) {
        return new Standing(
                partnerId,
                DirectBillStatus.NONE,
                null,
                new TreeSet<>(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

    /** A standing step: the new standing, and the change of status when there is one. */
    public record Step(Standing standing, Optional<StatusChange> change) {}

    /** Whether the partner is also an indirect reseller (until the transition exists: the profile's date is set). */
    public boolean indirectReseller() {
        return indirectResellerSince != null;
    }

    public Standing withIndirectResellerSince(@Nullable LocalDate date) {
        return new Standing(
                partnerId,
                status,
                since,
                markets,
                firstActiveOn,
                lastAssessedOn,
                cureDeadline,
                restrictedOn,
                suspendOn,
                revokeOn,
                failedAssessmentId,
                date,
                version);
    }

    /**
     * An enrollment became ACTIVE in {@code market}: a partner that was not a direct-bill partner (or
     * had been revoked) becomes ACTIVE, its anniversary that day; otherwise the market is added and the
     * status stays what it is (a restriction is not lifted by enrolling elsewhere).
     */
    public Step activated(String market, LocalDate on) {
        SortedSet<String> withMarket = new TreeSet<>(markets);
        if (status == DirectBillStatus.REVOKED) {
            // A revoked partner that enrolled again starts over: the revoked markets are gone.
            withMarket.clear();
        }
        withMarket.add(market);
        if (status == DirectBillStatus.NONE || status == DirectBillStatus.REVOKED) {
            Standing active = new Standing(
                    partnerId,
                    DirectBillStatus.ACTIVE,
                    on,
                    withMarket,
                    on,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    indirectResellerSince,
                    version);
            return changed(active, ChangeCause.ENROLLMENT_ACTIVATED, null);
        }
        return new Step(
                new Standing(
                        partnerId,
                        status,
                        since,
                        withMarket,
                        firstActiveOn,
                        lastAssessedOn,
                        cureDeadline,
                        restrictedOn,
                        suspendOn,
                        revokeOn,
                        failedAssessmentId,
                        indirectResellerSince,
                        version),
                Optional.empty());
    }

    /** An assessment on {@code on} found every REQUIRED requirement met (or not applicable). */
    public Step assessmentPassed(LocalDate on) {
        requireStatus("ASSESS", DirectBillStatus.ACTIVE);
        return new Step(with(status, since, on, null, null, null, null, null), Optional.empty());
    }

    /**
     * An assessment on {@code on} found a REQUIRED requirement not met: AT_RISK from that day, with
     * {@code cureDays} to meet them again (the deadline is inclusive).
     */
    public Step assessmentFailed(LocalDate on, int cureDays, UUID assessmentId) {
        requireStatus("ASSESS", DirectBillStatus.ACTIVE);
        Standing atRisk = with(DirectBillStatus.AT_RISK, on, on, on.plusDays(cureDays), null, null, null, assessmentId);
        return changed(atRisk, ChangeCause.ASSESSMENT_FAILED, null);
    }

    /** Met again on {@code on}, no later than the cure deadline: ACTIVE again. */
    public Step cured(LocalDate on) {
        requireStatus("CURE", DirectBillStatus.AT_RISK);
        if (cureDeadline != null && on.isAfter(cureDeadline)) {
            throw new IllegalStatusChange(status, "CURE");
        }
        return changed(with(DirectBillStatus.ACTIVE, on, on, null, null, null, null, null), ChangeCause.CURED, null);
    }

    /**
     * Restricted from {@code on}: by the calendar the day after the cure deadline, or by a program
     * admin. Suspension and revocation are planned {@code suspendAfterDays} and {@code
     * revokeAfterDays} after it.
     */
    public Step restrict(
            LocalDate on, int suspendAfterDays, int revokeAfterDays, ChangeCause cause, @Nullable String reason) {
        requireStatus("RESTRICT", DirectBillStatus.ACTIVE, DirectBillStatus.AT_RISK);
        Standing restricted = with(
                DirectBillStatus.RESTRICTED,
                on,
                lastAssessedOn,
                null,
                on,
                on.plusDays(suspendAfterDays),
                on.plusDays(revokeAfterDays),
                failedAssessmentId);
        return changed(restricted, cause, reason);
    }

    /** The planned suspension, on its day. */
    public Step suspend(LocalDate on) {
        requireStatus("SUSPEND", DirectBillStatus.RESTRICTED);
        return changed(
                with(
                        DirectBillStatus.SUSPENDED,
                        on,
                        lastAssessedOn,
                        null,
                        restrictedOn,
                        null,
                        revokeOn,
                        failedAssessmentId),
                ChangeCause.SUSPENSION_DUE,
                null);
    }

    /** Revoked from {@code on}: the planned revocation, or a program admin's. */
    public Step revoke(LocalDate on, ChangeCause cause, @Nullable String reason) {
        requireStatus(
                "REVOKE",
                DirectBillStatus.ACTIVE,
                DirectBillStatus.AT_RISK,
                DirectBillStatus.RESTRICTED,
                DirectBillStatus.SUSPENDED);
        return changed(
                with(DirectBillStatus.REVOKED, on, lastAssessedOn, null, restrictedOn, null, null, failedAssessmentId),
                cause,
                reason);
    }

    /**
     * A program admin brings the partner back to ACTIVE (from AT_RISK or any restriction); its next
     * assessment is its next anniversary.
     */
    public Step reinstate(LocalDate on, String reason) {
        requireStatus(
                "REINSTATE",
                DirectBillStatus.AT_RISK,
                DirectBillStatus.RESTRICTED,
                DirectBillStatus.SUSPENDED,
                DirectBillStatus.REVOKED);
        return changed(
                with(DirectBillStatus.ACTIVE, on, lastAssessedOn, null, null, null, null, null),
                ChangeCause.REINSTATED_BY_ADMIN,
                reason);
    }

    /**
     * The next step the calendar takes on its own, if it is due on or before {@code asOf}: the
     * restriction the day after the cure deadline, then the suspension and the revocation on their
     * planned days. (Whether an AT_RISK partner cured first is for the caller to check.)
     */
    public Optional<Escalation> escalationDueBy(LocalDate asOf) {
        return nextEscalation().filter(escalation -> !escalation.on().isAfter(asOf));
    }

    /** The next step the calendar will take on its own, whatever the date. */
    public Optional<Escalation> nextEscalation() {
        return switch (status) {
            case AT_RISK ->
                cureDeadline == null
                        ? Optional.empty()
                        : Optional.of(new Escalation(Escalation.Kind.RESTRICT, cureDeadline.plusDays(1)));
            case RESTRICTED -> {
                if (revokeOn != null && (suspendOn == null || !revokeOn.isAfter(suspendOn))) {
                    yield Optional.of(new Escalation(Escalation.Kind.REVOKE, revokeOn));
                }
                yield suspendOn == null
                        ? Optional.empty()
                        : Optional.of(new Escalation(Escalation.Kind.SUSPEND, suspendOn));
            }
            case SUSPENDED ->
                revokeOn == null ? Optional.empty() : Optional.of(new Escalation(Escalation.Kind.REVOKE, revokeOn));
            case NONE, ACTIVE, REVOKED -> Optional.empty();
        };
    }

    /** The same standing as stored under a new version. */
    public Standing withVersion(long newVersion) {
        return new Standing(
                partnerId,
                status,
                since,
                markets,
                firstActiveOn,
                lastAssessedOn,
                cureDeadline,
                restrictedOn,
                suspendOn,
                revokeOn,
                failedAssessmentId,
                indirectResellerSince,
                newVersion);
    }

    private Standing with(
            DirectBillStatus newStatus,
            @Nullable LocalDate newSince,
            @Nullable LocalDate assessedOn,
            @Nullable LocalDate deadline,
            @Nullable LocalDate restricted,
            @Nullable LocalDate suspend,
            @Nullable LocalDate revoke,
            @Nullable UUID failed) {
        return new Standing(
                partnerId,
                newStatus,
                newSince,
                markets,
                firstActiveOn,
                assessedOn,
                deadline,
                restricted,
                suspend,
                revoke,
                failed,
                indirectResellerSince,
                version);
    }

    private Step changed(Standing after, ChangeCause cause, @Nullable String reason) {
        return new Step(after, Optional.of(new StatusChange(status, after.status(), after.since(), cause, reason)));
    }

    private void requireStatus(String step, DirectBillStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new IllegalStatusChange(status, step);
        }
    }
}
