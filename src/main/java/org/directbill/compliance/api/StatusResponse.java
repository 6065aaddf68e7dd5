package org.directbill.compliance.api;

import java.time.LocalDate;
import java.util.List;
import org.directbill.compliance.StatusView;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.PartnerAction;
import org.directbill.policy.domain.ReasonArguments;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /partners/{id}/status} (api.md): the fields of the contract, then what a person or a
 * system needs to act on it — what is blocked, why, and what comes next.
 */
record StatusResponse(
        String partnerId,
        String directBill,
        boolean indirectReseller,
        @Nullable LocalDate indirectResellerSince,
        @Nullable LocalDate since,
        @Nullable LocalDate cureDeadline,
        @Nullable LocalDate nextAssessment,
        @Nullable String nextAssessmentOccasion,
        List<String> markets,
        @Nullable LocalDate firstActiveOn,
        @Nullable LocalDate lastAssessedOn,
        @Nullable LocalDate restrictedOn,
        @Nullable LocalDate suspendOn,
        @Nullable LocalDate revokeOn,
        @Nullable NextStep nextStep,
        List<Unmet> unmet,
        @Nullable String reason,
        List<PartnerAction> blocked,
        List<PartnerAction> allowed,
        long version) {

    /** The step the calendar takes next on its own, unless the partner is reinstated. */
    record NextStep(String step, LocalDate on) {}

    /** A REQUIRED requirement the failed assessment found not met, in the caller's language. */
    record Unmet(@Nullable String market, String code, String name, String reason) {}

    static StatusResponse of(StatusView view, Localized localized) {
        return new StatusResponse(
                view.partnerId().toString(),
                view.status().name(),
                view.indirectReseller(),
                view.indirectResellerSince(),
                view.since(),
                view.cureDeadline(),
                view.nextAssessment() == null ? null : view.nextAssessment().on(),
                view.nextAssessment() == null
                        ? null
                        : view.nextAssessment().occasion().name(),
                List.copyOf(view.markets()),
                view.firstActiveOn(),
                view.lastAssessedOn(),
                view.restrictedOn(),
                view.suspendOn(),
                view.revokeOn(),
                view.nextEscalation() == null
                        ? null
                        : new NextStep(
                                view.nextEscalation().kind().name(),
                                view.nextEscalation().on()),
                unmet(view.failedAssessment(), localized),
                view.reason(),
                view.blocked(),
                view.allowed(),
                view.version());
    }

    static List<Unmet> unmet(@Nullable Assessment assessment, Localized localized) {
        if (assessment == null) {
            return List.of();
        }
        return assessment.unmet().stream()
                .map(unmet -> new Unmet(
                        unmet.market(),
                        unmet.code(),
                        localized.text("requirement.code." + unmet.code()),
                        localized.text(
                                "requirement.reason." + unmet.reason(),
                                ReasonArguments.forMessage(unmet.reasonArguments()))))
                .toList();
    }
}
