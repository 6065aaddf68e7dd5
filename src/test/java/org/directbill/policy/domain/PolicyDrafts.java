package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.policy.domain.PolicyDraft.EnforcementDraft;
import org.directbill.policy.domain.PolicyDraft.RequirementDraft;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;

/** Policy documents for the tests, written as a JSON reader would hand them over. */
public final class PolicyDrafts {

    private PolicyDrafts() {}

    /** A parameters object: name, value, name, value… (values may be null, as a JSON null). */
    public static Map<String, @Nullable Object> params(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    public static RequirementDraft req(String code, String level, @Nullable Map<String, @Nullable Object> params) {
        return new RequirementDraft(code, level, params);
    }

    public static RequirementDraft req(String code) {
        return new RequirementDraft(code, "REQUIRED", Map.of());
    }

    /** A requirement of each kind of parameters, every parameter written: indexes 0 to 4. */
    public static List<@Nullable RequirementDraft> requirements() {
        List<@Nullable RequirementDraft> requirements = new ArrayList<>();
        requirements.add(req("LOCATION_ID", "REQUIRED", params("scope", "MARKET")));
        requirements.add(req(
                "TTM_REVENUE",
                "REQUIRED",
                params(
                        "thresholdUsd",
                        "500000",
                        "windowMonths",
                        12,
                        "refreshDay",
                        8,
                        "countedCategories",
                        List.of("AZURE_CONSUMPTION", "MARKETPLACE_SAAS"))));
        requirements.add(req("INDIRECT_TENURE", "REQUIRED", params("months", 24)));
        requirements.add(req("ENDORSEMENT"));
        requirements.add(req("MANAGED_SERVICE", "RECOMMENDED", null));
        return requirements;
    }

    public static PolicyDraft draft(List<@Nullable RequirementDraft> requirements) {
        return new PolicyDraft(
                "csp-direct-2030", "CSP direct bill requirements (2030)", "2030-01-01", null, requirements);
    }

    public static PolicyDraft draft(EnforcementDraft enforcement) {
        return new PolicyDraft(
                "csp-direct-2030", "CSP direct bill requirements (2030)", "2030-01-01", enforcement, requirements());
    }

    /** The draft with requirement {@code index}'s parameters replaced. */
    public static PolicyDraft withParameters(int index, Map<String, @Nullable Object> params) {
        List<@Nullable RequirementDraft> requirements = requirements();
        RequirementDraft requirement = requirements.get(index);
        requirements.set(index, new RequirementDraft(requirement.code(), requirement.level(), params));
        return draft(requirements);
    }

    /** The draft with one parameter of requirement {@code index} set to {@code value}. */
    public static PolicyDraft withParameter(int index, String name, @Nullable Object value) {
        Map<String, @Nullable Object> params =
                new LinkedHashMap<>(requirements().get(index).parameters());
        params.put(name, value);
        return withParameters(index, params);
    }

    /** What the validation refuses in {@code draft}. */
    public static List<Violation> violations(PolicyDraft draft) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, draft::validate);
        if (refused == null) {
            throw new AssertionError("the draft was accepted: " + draft);
        }
        return refused.violations();
    }
}
