package org.directbill.compliance.domain;

/** Why a partner's direct-bill status changed: each has its words, {@code compliance.cause.<NAME>}. */
public enum ChangeCause {
    /** Its first enrollment became ACTIVE (or a new one after a revocation). */
    ENROLLMENT_ACTIVATED(false),
    /** An assessment found a REQUIRED requirement not met. */
    ASSESSMENT_FAILED(false),
    /** Met the requirements again by the cure deadline. */
    CURED(false),
    /** The cure deadline passed with a requirement still not met. */
    CURE_DEADLINE_PASSED(false),
    /** The policy's days between restriction and suspension passed. */
    SUSPENSION_DUE(false),
    /** The policy's days between restriction and revocation passed. */
    REVOCATION_DUE(false),
    RESTRICTED_BY_ADMIN(true),
    REINSTATED_BY_ADMIN(true),
    REVOKED_BY_ADMIN(true);

    private final boolean manual;

    ChangeCause(boolean manual) {
        this.manual = manual;
    }

    /** A program admin's step, taken with a reason. */
    public boolean manual() {
        return manual;
    }
}
