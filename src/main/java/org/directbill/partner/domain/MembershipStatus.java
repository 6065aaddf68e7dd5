package org.directbill.partner.domain;

/** The partner network membership of one location. */
public enum MembershipStatus {
    ACTIVE,
    PENDING,
    REJECTED,
    SUSPENDED
}
