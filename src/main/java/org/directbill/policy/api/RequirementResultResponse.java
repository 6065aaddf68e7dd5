package org.directbill.policy.api;

import java.util.Map;
import org.directbill.policy.domain.ReasonArguments;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.shared.web.Localized;
import org.springframework.modulith.NamedInterface;

/**
 * One requirement's result as the API shows it: the reason in the caller's language, with its
 * stable code beside it for programs.
 */
@NamedInterface("responses")
public record RequirementResultResponse(
        String code,
        String name,
        String level,
        String status,
        String reason,
        String reasonCode,
        Map<String, Object> details) {

    public static RequirementResultResponse of(RequirementResult result, Localized localized) {
        return new RequirementResultResponse(
                result.code().name(),
                localized.text("requirement.code." + result.code().name()),
                result.level().name(),
                result.status().name(),
                localized.text(
                        "requirement.reason." + result.reason(), ReasonArguments.forMessage(result.reasonArguments())),
                result.reason(),
                result.details());
    }
}
