package org.directbill.enrollment.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an enrollment stands (domain.md). The last three are ends: nothing moves an enrollment out of them. */
public enum EnrollmentStatus {
    DRAFT,
    IN_REVIEW,
    INFO_REQUESTED,
    CREDIT_CHECK,
    CREDIT_APPROVED,
    ACTIVE,
    REJECTED,
    CREDIT_DECLINED,
    WITHDRAWN;

    /**
     * While an enrollment is here, a support plan bought on or after its submission is refused (the
     * seeds: do not buy a support plan during the credit check).
     */
    public static final Set<EnrollmentStatus> BEFORE_CREDIT_APPROVAL =
            EnumSet.of(IN_REVIEW, INFO_REQUESTED, CREDIT_CHECK);

    public boolean ended() {
        return this == REJECTED || this == CREDIT_DECLINED || this == WITHDRAWN;
    }

    /** Still on its way: neither ended nor ACTIVE. A partner has at most one of these, or an ACTIVE one, per market. */
    public boolean inProgress() {
        return !ended() && this != ACTIVE;
    }
}
