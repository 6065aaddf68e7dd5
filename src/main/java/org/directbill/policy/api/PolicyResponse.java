package org.directbill.policy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.directbill.policy.domain.Enforcement;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.policy.domain.RequirementCode;

/**
 * A policy exactly in the document shape of domain.md (the shape it is published in, every
 * parameter spelled out, defaults filled in), then whether it is built in and when it was published.
 */
record PolicyResponse(
        String id,
        String title,
        LocalDate effectiveFrom,
        EnforcementResponse enforcement,
        List<RequirementResponse> requirements,
        boolean builtIn,
        Instant publishedAt) {

    record EnforcementResponse(
            Enforcement.MeasureAt measureAt, int cureDays, int suspendAfterDays, int revokeAfterDays) {}

    /** {@code parameters}: every parameter of the code, money as decimal strings. */
    record RequirementResponse(RequirementCode code, Level level, Map<String, Object> parameters) {}

    static PolicyResponse of(PublishedPolicy published) {
        Policy policy = published.policy();
        Enforcement e = policy.enforcement();
        return new PolicyResponse(
                policy.id(),
                policy.title(),
                policy.effectiveFrom(),
                new EnforcementResponse(e.measureAt(), e.cureDays(), e.suspendAfterDays(), e.revokeAfterDays()),
                policy.requirements().stream()
                        .map(r -> new RequirementResponse(
                                r.code(), r.level(), r.parameters().asMap()))
                        .toList(),
                published.builtIn(),
                published.publishedAt());
    }
}
