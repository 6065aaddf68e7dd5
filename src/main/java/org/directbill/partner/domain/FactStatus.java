package org.directbill.partner.domain;

/** The state of a check someone else performs on the partner (business vetting, operational assessment). */
public enum FactStatus {
    PENDING,
    PASSED,
    FAILED
}
