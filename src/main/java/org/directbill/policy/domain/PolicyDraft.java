package org.directbill.policy.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A policy document as received (the API's body, a built-in file, a stored row), before any check:
 * every field may be missing, and the parameters and numbers are what a JSON reader gives (strings,
 * integers, lists). {@link #validate()} turns it into a {@link Policy} or lists every mistake.
 *
 * @param id a lowercase slug such as {@code csp-direct-2021}
 * @param title what people read, at most 200 characters
 * @param effectiveFrom the first day the policy is in force, {@code YYYY-MM-DD}
 * @param enforcement how it is enforced; {@link Enforcement#DEFAULT} when absent
 * @param requirements at least one, each code at most once
 */
public record PolicyDraft(
        @Nullable String id,
        @Nullable String title,
        @Nullable String effectiveFrom,
        @Nullable EnforcementDraft enforcement,
        @Nullable List<@Nullable RequirementDraft> requirements) {

    /**
     * The {@code enforcement} object: each value as read, an absent one taking its default. The
     * numbers stay {@code Object} so that a string or a fraction is reported like any other mistake.
     */
    public record EnforcementDraft(
            @Nullable String measureAt,
            @Nullable Object cureDays,
            @Nullable Object suspendAfterDays,
            @Nullable Object revokeAfterDays) {}

    /** One requirement as read; {@code parameters} absent means every parameter takes its default. */
    public record RequirementDraft(
            @Nullable String code,
            @Nullable String level,
            @Nullable Map<String, @Nullable Object> parameters) {}

    /**
     * The policy this document describes, its omitted parameters and enforcement filled with the
     * defaults of domain.md.
     *
     * @throws org.directbill.shared.validation.InvalidInput listing every mistake, each under its field
     *     path ({@code requirements[1].parameters.thresholdUsd})
     */
    public Policy validate() {
        return new PolicyValidation(this).policy();
    }

    /** The draft that gives back {@code policy}: its complete document, as the API shows it. */
    public static PolicyDraft of(Policy policy) {
        Enforcement e = policy.enforcement();
        return new PolicyDraft(
                policy.id(),
                policy.title(),
                policy.effectiveFrom().toString(),
                new EnforcementDraft(e.measureAt().name(), e.cureDays(), e.suspendAfterDays(), e.revokeAfterDays()),
                policy.requirements().stream()
                        .map(r -> new RequirementDraft(
                                r.code().name(),
                                r.level().name(),
                                r.parameters().asMap()))
                        .toList());
    }
}
