package org.directbill.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.AssessmentCalendar;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.Escalation;
import org.directbill.compliance.domain.PartnerAction;
import org.directbill.compliance.domain.Standing;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * A partner's direct-bill status as a person or a system reads it: where it stands, since when, in
 * which markets, what is blocked, why (the unmet requirements of the assessment that failed, or the
 * admin's reason), and what comes next (the cure deadline, the next assessment, the next step of the
 * escalation).
 *
 * @param failedAssessment from AT_RISK on: the assessment that failed
 * @param reason the program admin's reason for the latest change made by hand, if it was one
 */
public record StatusView(
        PartnerId partnerId,
        DirectBillStatus status,
        boolean indirectReseller,
        @Nullable LocalDate indirectResellerSince,
        @Nullable LocalDate since,
        Set<String> markets,
        @Nullable LocalDate firstActiveOn,
        @Nullable LocalDate lastAssessedOn,
        @Nullable LocalDate cureDeadline,
        AssessmentCalendar.@Nullable Due nextAssessment,
        @Nullable LocalDate restrictedOn,
        @Nullable LocalDate suspendOn,
        @Nullable LocalDate revokeOn,
        @Nullable Escalation nextEscalation,
        @Nullable Assessment failedAssessment,
        @Nullable String reason,
        List<PartnerAction> blocked,
        List<PartnerAction> allowed,
        long version) {

    static StatusView of(
            Standing standing,
            AssessmentCalendar.@Nullable Due next,
            @Nullable Assessment failed,
            @Nullable String reason,
            List<PartnerAction> blocked,
            List<PartnerAction> allowed) {
        return new StatusView(
                standing.partnerId(),
                standing.status(),
                standing.indirectReseller(),
                standing.indirectResellerSince(),
                standing.since(),
                standing.markets(),
                standing.firstActiveOn(),
                standing.lastAssessedOn(),
                standing.cureDeadline(),
                next,
                standing.restrictedOn(),
                standing.suspendOn(),
                standing.revokeOn(),
                standing.nextEscalation().orElse(null),
                failed,
                reason,
                blocked,
                allowed,
                standing.version());
    }
}
