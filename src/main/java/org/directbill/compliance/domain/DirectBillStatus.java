package org.directbill.compliance.domain;

/** Where a partner stands as a direct-bill partner (domain.md, "Staying a direct-bill partner"). */
public enum DirectBillStatus {
    /** Not a direct-bill partner in any market. */
    NONE,
    /** A direct-bill partner meeting the requirements (or not yet assessed). */
    ACTIVE,
    /** Failed an assessment; allowed everything ACTIVE is until the cure deadline. */
    AT_RISK,
    /** New purchases, customers, reseller relationships and sandboxes blocked. */
    RESTRICTED,
    /** As restricted, and seat counts frozen. */
    SUSPENDED,
    /** Nothing but managing Azure resources, suspending subscriptions and (indirect) invitations. */
    REVOKED;

    /** Restricted, suspended or revoked: only a program admin brings the partner back. */
    public boolean isRestriction() {
        return this == RESTRICTED || this == SUSPENDED || this == REVOKED;
    }

    /** A direct-bill partner in good standing or within its cure period. */
    public boolean isInGoodStanding() {
        return this == ACTIVE || this == AT_RISK;
    }
}
