package org.directbill.revenue.domain;

/** What a reviewer decides about a sale under verification. */
public enum SaleDecision {
    VERIFIED,
    /** The sale leaves the revenue; a reason is required. */
    REJECTED;

    public VerificationState state() {
        return this == VERIFIED ? VerificationState.VERIFIED : VerificationState.REJECTED;
    }
}
