package org.directbill.policy.domain;

import java.util.Objects;

/**
 * How a policy is enforced on existing direct-bill partners (domain.md, "Staying a direct-bill
 * partner"): when they are measured, how long they have to cure a failure, and when a restriction
 * becomes a suspension and a revocation (both counted from the restriction).
 */
public record Enforcement(MeasureAt measureAt, int cureDays, int suspendAfterDays, int revokeAfterDays) {

    /** ANNIVERSARY, 30, 30, 60: what a policy without {@code enforcement} uses. */
    public static final Enforcement DEFAULT = new Enforcement(MeasureAt.ANNIVERSARY, 30, 30, 60);

    public enum MeasureAt {
        /** Each year on the date the partner's first enrollment became ACTIVE. */
        ANNIVERSARY,
        /** On the support plan's renewal date when one is known, else on the anniversary. */
        SUPPORT_RENEWAL
    }

    public Enforcement {
        Objects.requireNonNull(measureAt);
    }
}
