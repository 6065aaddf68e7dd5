package org.directbill.policy.domain;

/**
 * Where a partner stands on one requirement (domain.md): {@code NOT_MET} when the partner can act on
 * it (a fact it declares is empty or says no), {@code PENDING} when it waits on someone else
 * (vetting, an assessment, a sale under verification, a missing exchange rate).
 */
public enum RequirementStatus {
    MET,
    NOT_MET,
    PENDING,
    NOT_APPLICABLE
}
