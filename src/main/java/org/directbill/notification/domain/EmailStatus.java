package org.directbill.notification.domain;

/** Where an outbox email stands. */
public enum EmailStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Claimed by one node, which is handing it to the SMTP server now. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** No SMTP server configured: written to the log instead. */
    LOGGED,
    /** Given up after the maximum number of attempts. */
    FAILED
}
