package org.directbill.compliance;

/** What a program admin may do to a partner's status by hand, with a reason. */
public enum StatusAction {
    RESTRICT,
    REINSTATE,
    REVOKE
}
