package org.directbill.policy.web;

import java.math.BigDecimal;
import java.util.List;
import org.directbill.policy.domain.Enforcement;
import org.directbill.policy.domain.Requirement;
import org.directbill.policy.domain.RequirementParameters;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A policy said in words, in the reader's language: a requirement's parameters ("at least 300,000
 * USD over 12 months…"), the enforcement, and the values of a comparison (amounts, categories,
 * scopes), so that no page shows {@code thresholdUsd: "300000"}.
 */
@Component
class PolicyWords {

    private final Localized localized;

    PolicyWords(Localized localized) {
        this.localized = localized;
    }

    /** The parameters of a requirement in a sentence; "no parameter" for a requirement that takes none. */
    String parameters(Requirement requirement) {
        RequirementParameters parameters = requirement.parameters();
        if (parameters instanceof RequirementParameters.LocationScope scope) {
            return localized.text("policy.words.scope." + scope.scope().name());
        }
        if (parameters instanceof RequirementParameters.RevenueThreshold revenue) {
            return localized.text(
                    "policy.words.revenue",
                    revenue.thresholdUsd(),
                    revenue.windowMonths(),
                    revenue.refreshDay(),
                    categories(revenue.countedCategories()));
        }
        if (parameters instanceof RequirementParameters.Tenure tenure) {
            return localized.text("policy.words.tenure", tenure.months());
        }
        return localized.text("policy.words.none");
    }

    /** When partners are measured, then the cure period and the escalation, in one sentence each. */
    List<String> enforcement(Enforcement enforcement) {
        return List.of(
                localized.text("policy.enforcement.measureAt."
                        + enforcement.measureAt().name()),
                localized.text(
                        "policy.enforcement.escalation",
                        enforcement.cureDays(),
                        enforcement.suspendAfterDays(),
                        enforcement.revokeAfterDays()));
    }

    /** The counted categories by their names, in the order the revenue page lists them. */
    String categories(List<ProductCategory> categories) {
        return String.join(
                ", ",
                List.of(ProductCategory.values()).stream()
                        .filter(categories::contains)
                        .map(category -> localized.text("category." + category.name()))
                        .toList());
    }

    /** The name of a compared field: {@code title}, {@code enforcement.cureDays}, a parameter name… */
    String fieldName(String name) {
        return localized.text("policy.field." + name);
    }

    /**
     * A value of a comparison as people read it. Values come as the policy document writes them:
     * amounts as decimal strings, categories as lists of names, scopes and measure points as names.
     */
    String value(String name, @Nullable Object value) {
        if (value == null) {
            return "—";
        }
        return switch (name) {
            case "thresholdUsd" -> localized.text("policy.words.amount", new BigDecimal(value.toString()));
            case "countedCategories" ->
                categories(((List<?>) value)
                        .stream()
                                .map(Object::toString)
                                .flatMap(category -> ProductCategory.parse(category).stream())
                                .toList());
            case "scope" -> localized.text("policy.scope." + value);
            case "enforcement.measureAt" -> localized.text("policy.measureAt." + value);
            case "windowMonths", "months" -> localized.text("policy.words.months", value);
            case "enforcement.cureDays", "enforcement.suspendAfterDays", "enforcement.revokeAfterDays" ->
                localized.text("policy.words.days", value);
            default -> value.toString();
        };
    }
}
