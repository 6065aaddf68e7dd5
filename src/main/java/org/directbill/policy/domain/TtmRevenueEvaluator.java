package org.directbill.policy.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmRequirement;
import org.directbill.revenue.domain.TtmWindow;

/**
 * {@code TTM_REVENUE}: the revenue module's rule ({@link TtmRequirement}) against the requirement's
 * threshold. PENDING when sales under verification decide or exchange rates are missing: both wait
 * on someone else. The revenue must have been counted by this requirement's rules as of the
 * evaluation date; anything else is a programming error.
 */
final class TtmRevenueEvaluator implements RequirementEvaluator {

    private static final List<String> FIGURE_FREE_DETAILS = List.of("thresholdUsd", "windowStart", "windowEnd");

    @Override
    public RequirementCode code() {
        return RequirementCode.TTM_REVENUE;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        RequirementParameters.RevenueThreshold threshold =
                (RequirementParameters.RevenueThreshold) requirement.parameters();
        RevenueResult revenue = facts.revenue();
        if (revenue == null) {
            throw new IllegalArgumentException("TTM_REVENUE is evaluated with the partner's revenue");
        }
        TtmWindow window = threshold.ttmParameters().windowAsOf(facts.asOf());
        if (!revenue.asOf().equals(facts.asOf()) || !revenue.window().equals(window)) {
            throw new IllegalArgumentException("the revenue as of " + revenue.asOf() + " over " + revenue.window()
                    + " is not the one this requirement counts as of " + facts.asOf() + " over " + window);
        }
        TtmRequirement.Evaluation evaluation = new TtmRequirement(threshold.thresholdUsd()).evaluate(revenue);

        String total = Figures.money(evaluation.total());
        String thresholdUsd = Figures.money(threshold.thresholdUsd());
        String open = Figures.money(evaluation.openAmount());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("total", total);
        details.put("thresholdUsd", thresholdUsd);
        details.put("openAmount", open);
        details.put("linesAwaitingRate", evaluation.linesAwaitingRate());
        details.put("missingRates", evaluation.missingRates().size());
        details.put("windowStart", revenue.windowStart().toString());
        details.put("windowEnd", revenue.windowEnd().toString());

        return switch (evaluation.reason()) {
            case THRESHOLD_MET ->
                RequirementResult.of(requirement, Reason.REVENUE_THRESHOLD_MET, List.of(total, thresholdUsd), details);
            case BELOW_THRESHOLD ->
                RequirementResult.of(
                        requirement, Reason.REVENUE_BELOW_THRESHOLD, List.of(total, thresholdUsd), details);
            case OPEN_SALES_DECIDE ->
                RequirementResult.of(
                        requirement, Reason.REVENUE_OPEN_SALES_DECIDE, List.of(total, thresholdUsd, open), details);
            case RATES_MISSING ->
                RequirementResult.of(
                        requirement,
                        Reason.REVENUE_RATES_MISSING,
                        List.of(
                                total,
                                thresholdUsd,
                                String.valueOf(evaluation.linesAwaitingRate()),
                                String.valueOf(evaluation.missingRates().size())),
                        details);
        };
    }

    /**
     * The same result for a reader who may not see revenue: the status stays, the figures go. Only
     * the threshold and the window remain in the details, and the reason is one whose sentence names
     * no amount of the partner's. Any other requirement's result is returned as it is.
     */
    static RequirementResult withoutFigures(RequirementResult result) {
        if (result.code() != RequirementCode.TTM_REVENUE) {
            return result;
        }
        Reason reason = switch (result.status()) {
            case MET -> Reason.REVENUE_HIDDEN_MET;
            case NOT_MET -> Reason.REVENUE_HIDDEN_NOT_MET;
            case PENDING -> Reason.REVENUE_HIDDEN_PENDING;
            case NOT_APPLICABLE -> throw new IllegalArgumentException("TTM_REVENUE is never evaluated NOT_APPLICABLE");
        };
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : FIGURE_FREE_DETAILS) {
            if (result.details().containsKey(name)) {
                details.put(name, result.details().get(name));
            }
        }
        String thresholdUsd = String.valueOf(details.getOrDefault("thresholdUsd", ""));
        return new RequirementResult(
                result.code(), result.level(), reason.status(), reason.name(), List.of(thresholdUsd), details);
    }
}
