package org.directbill.compliance.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.AssessmentCalendar;
import org.directbill.compliance.domain.ChangeCause;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.Escalation;
import org.directbill.compliance.domain.PartnerAction;
import org.directbill.policy.domain.ReasonArguments;
import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.web.MarketOptions;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The direct-bill status said in the reader's language: statuses, causes, actions and the
 * calendar's steps in words (never {@code AT_RISK}), markets by name, the days left before a date,
 * and the requirements an assessment found not met with their reasons.
 */
@Component
class ComplianceWords {

    private final Localized localized;

    ComplianceWords(Localized localized) {
        this.localized = localized;
    }

    /** A status as a badge: its words, and a class for its colour. */
    record Status(String code, String text, String css) {}

    /** The days left before a date, as a badge: {@code late} once the date has passed. */
    record Left(String text, boolean late) {}

    /**
     * A requirement the failed assessment found not met.
     *
     * @param market the market's name ("France"), when the policy measured per market
     */
    record Unmet(String code, @Nullable String market, String name, String reason) {}

    Status status(DirectBillStatus status) {
        return new Status(
                status.name(),
                localized.text("compliance.status." + status.name()),
                "direct-bill-" + status.name().toLowerCase(Locale.ROOT));
    }

    String cause(ChangeCause cause) {
        return localized.text("compliance.cause." + cause.name());
    }

    String action(PartnerAction action) {
        return localized.text("compliance.action." + action.name());
    }

    List<String> actions(Collection<PartnerAction> actions) {
        return actions.stream().map(this::action).toList();
    }

    /** "Suspension", "Revocation"… the step the calendar takes on its own. */
    String step(Escalation.Kind kind) {
        return localized.text("compliance.step." + kind.name());
    }

    String occasion(AssessmentCalendar.Occasion occasion) {
        return localized.text("compliance.occasion." + occasion.name());
    }

    /** "France (FR)" in the reader's language. */
    String market(String code) {
        return MarketOptions.name(code, LocaleContextHolder.getLocale()) + " (" + code + ")";
    }

    List<String> markets(Collection<String> codes) {
        return codes.stream().sorted().map(this::market).toList();
    }

    /** Days left until {@code deadline} (inclusive) as seen on {@code today}. */
    Left left(LocalDate deadline, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, deadline);
        return days >= 0
                ? new Left(localized.text("compliance.daysLeft", days), false)
                : new Left(localized.text("compliance.daysPast", -days), true);
    }

    /**
     * The requirements the assessment found not met, with their reasons. A reader who may not see the
     * partner's revenue reads the revenue requirement without the figures: the threshold only.
     */
    List<Unmet> unmet(@Nullable Assessment assessment, boolean canSeeRevenue) {
        if (assessment == null) {
            return List.of();
        }
        return assessment.unmet().stream()
                .map(unmet -> {
                    boolean hidden = !canSeeRevenue
                            && RequirementCode.TTM_REVENUE.name().equals(unmet.code())
                            && !unmet.reason().startsWith("REVENUE_HIDDEN_");
                    String reason = hidden
                            ? localized.text(
                                    "requirement.reason.REVENUE_HIDDEN_NOT_MET",
                                    ReasonArguments.forMessage(threshold(unmet.reasonArguments())))
                            : localized.text(
                                    "requirement.reason." + unmet.reason(),
                                    ReasonArguments.forMessage(unmet.reasonArguments()));
                    return new Unmet(
                            unmet.code(),
                            unmet.market() == null
                                    ? null
                                    : MarketOptions.name(unmet.market(), LocaleContextHolder.getLocale()),
                            localized.text("requirement.code." + unmet.code()),
                            reason);
                })
                .toList();
    }

    /** The revenue reasons name the partner's total first, then the threshold. */
    private static List<String> threshold(List<String> arguments) {
        return arguments.size() > 1 ? List.of(arguments.get(1)) : List.of();
    }
}
