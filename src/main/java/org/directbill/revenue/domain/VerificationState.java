package org.directbill.revenue.domain;

/**
 * Where a sale stands in the verification of sales (domain.md, "Verification of sales"). Most
 * sales are never selected ({@link #NONE}); a selected sale is {@link #OPEN} until a reviewer marks
 * it {@link #VERIFIED} or {@link #REJECTED}.
 */
public enum VerificationState {
    /** Never selected for verification: counts as any sale. */
    NONE,
    /** Selected and not decided yet: counts, but may still be rejected. */
    OPEN,
    VERIFIED,
    /** Rejected by a reviewer: never counts. */
    REJECTED
}
