package org.directbill.revenue.domain;

/** Where a verification case stands, and whose turn it is. */
public enum CaseStatus {
    /** Opened, nothing asked of the partner yet: the reviewer's turn. */
    OPEN,
    /** Waiting for the partner's answer until the due date. */
    INFO_REQUESTED,
    /** The partner answered: the reviewer's turn again. */
    ANSWERED,
    /** Every sale of the case is decided. */
    CLOSED;

    public boolean isClosed() {
        return this == CLOSED;
    }
}
