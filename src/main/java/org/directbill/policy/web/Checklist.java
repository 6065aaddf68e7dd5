package org.directbill.policy.web;

import java.util.List;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.policy.Evaluations;
import org.directbill.policy.domain.EligibilityResult;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.Outcome;
import org.directbill.policy.domain.ReasonArguments;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.policy.domain.RequirementStatus;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * An evaluation as the checklist shows it: a headline for the outcome, then one row per requirement
 * with its status said in words and by a sign as well as by colour, its level, the reason in the
 * reader's language and, for the live checklist, what to do next. Other modules' pages show an
 * evaluation this way too (an enrollment's checklist before submission, the evaluation it was
 * submitted with), with the fragments of {@code policy/checklist.html}.
 */
@Component
@NamedInterface("pages")
public class Checklist {

    private final Localized localized;

    Checklist(Localized localized) {
        this.localized = localized;
    }

    /** The outcome as a headline and a sentence that counts what decides it. */
    @NamedInterface("pages")
    public record Headline(String outcome, String css, String sign, String title, String sentence) {}

    /**
     * One requirement's row.
     *
     * @param css the status in lower case, for the colour ({@code met}, {@code not_met}…)
     * @param sign a sign that says the status without colour (✓, ✗, …), hidden from screen readers,
     *     which read {@code statusText}
     * @param next what to do; null when nothing (met, not applicable, or a stored evaluation)
     */
    @NamedInterface("pages")
    public record Row(
            String code,
            String name,
            boolean required,
            String levelText,
            String status,
            String css,
            String sign,
            String statusText,
            String reason,
            @Nullable Link next) {}

    /** A next step as the page shows it: a link, or a sentence when {@code href} is null. */
    @NamedInterface("pages")
    public record Link(@Nullable String href, String text) {}

    /** A live answer as the checklist shows it. */
    @NamedInterface("pages")
    public record Live(Headline headline, List<Row> rows) {}

    /**
     * The live checklist with each next step as the signed-in reader may take it: edit the declared
     * facts, the program facts, see the revenue, manage the locations.
     */
    public Live live(Evaluations.Checked checked) {
        Caller caller = Callers.current();
        PartnerId partner = checked.partnerId();
        NextStep.Access access = new NextStep.Access(
                caller.isProgramStaff(),
                checked.revenueVisible(),
                PartnerPermission.EDIT_DECLARED_PROFILE.allows(caller, partner),
                PartnerPermission.EDIT_PROGRAM_FACTS.allows(caller, partner),
                PartnerPermission.MANAGE_LOCATIONS.allows(caller, partner));
        return new Live(headline(checked.result()), rows(checked.result(), partner.toString(), access));
    }

    public Headline headline(EligibilityResult result) {
        Outcome outcome = result.outcome();
        long notMet = count(result, RequirementStatus.NOT_MET);
        long pending = count(result, RequirementStatus.PENDING);
        String sentence = switch (outcome) {
            case ELIGIBLE -> localized.text("eligibility.outcome.ELIGIBLE.why");
            case INELIGIBLE -> localized.text("eligibility.outcome.INELIGIBLE.why", notMet);
            case PENDING -> localized.text("eligibility.outcome.PENDING.why", pending);
        };
        String sign = switch (outcome) {
            case ELIGIBLE -> "✓";
            case INELIGIBLE -> "✗";
            case PENDING -> "…";
        };
        return new Headline(
                outcome.name(),
                outcome.name().toLowerCase(java.util.Locale.ROOT),
                sign,
                localized.text("evaluation.outcome." + outcome.name()),
                sentence);
    }

    /** The rows of the live checklist, each with its next step. */
    List<Row> rows(EligibilityResult result, String partnerId, NextStep.Access access) {
        return result.requirements().stream()
                .map(r -> row(r, NextStep.of(r.code(), r.status(), partnerId, access)))
                .toList();
    }

    /** The rows of a stored evaluation: what it said then, without steps to take now. */
    public List<Row> rows(EligibilityResult result) {
        return result.requirements().stream().map(r -> row(r, null)).toList();
    }

    private Row row(RequirementResult result, @Nullable NextStep next) {
        RequirementStatus status = result.status();
        return new Row(
                result.code().name(),
                localized.text("requirement.code." + result.code().name()),
                result.level() == Level.REQUIRED,
                localized.text("requirement.level." + result.level().name()),
                status.name(),
                status.name().toLowerCase(java.util.Locale.ROOT),
                sign(status),
                localized.text("requirement.status." + status.name()),
                localized.text(
                        "requirement.reason." + result.reason(), ReasonArguments.forMessage(result.reasonArguments())),
                next == null ? null : new Link(next.href(), localized.text(next.textKey())));
    }

    private static String sign(RequirementStatus status) {
        return switch (status) {
            case MET -> "✓";
            case NOT_MET -> "✗";
            case PENDING -> "…";
            case NOT_APPLICABLE -> "–";
        };
    }

    /** The REQUIRED requirements with this status: only they decide the outcome. */
    private static long count(EligibilityResult result, RequirementStatus status) {
        return result.requirements().stream()
                .filter(r -> r.level() == Level.REQUIRED && r.status() == status)
                .count();
    }
}
