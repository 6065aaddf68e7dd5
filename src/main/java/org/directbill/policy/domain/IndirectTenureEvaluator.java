package org.directbill.policy.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code INDIRECT_TENURE}: met when {@code indirectResellerSince} plus the required months is on or
 * before the evaluation date (domain.md, "Dates and boundaries"). Before that it is NOT_MET, with
 * the date it will be met; without a start date it is NOT_MET too.
 */
final class IndirectTenureEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.INDIRECT_TENURE;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        int months = ((RequirementParameters.Tenure) requirement.parameters()).months();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("months", months);
        LocalDate since = facts.profile().indirectResellerSince();
        if (since == null) {
            return RequirementResult.of(
                    requirement, Reason.NOT_AN_INDIRECT_RESELLER, List.of(String.valueOf(months)), details);
        }
        // plusMonths keeps the day of month, or takes the month's last day when it has no such day.
        LocalDate metOn = since.plusMonths(months);
        details.put("indirectResellerSince", since.toString());
        details.put("metOn", metOn.toString());
        return metOn.isAfter(facts.asOf())
                ? RequirementResult.of(
                        requirement,
                        Reason.INDIRECT_TENURE_TOO_SHORT,
                        List.of(since.toString(), String.valueOf(months), metOn.toString()),
                        details)
                : RequirementResult.of(
                        requirement,
                        Reason.INDIRECT_TENURE_REACHED,
                        List.of(since.toString(), String.valueOf(months)),
                        details);
    }
}
