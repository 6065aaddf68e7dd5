package org.directbill.notification.domain;

/** Where the delivery of one event to one endpoint stands. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt, or for an earlier event of the same partner to be delivered. */
    PENDING,
    /** Claimed by one node, which is POSTing it now. */
    SENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Its endpoint was deleted before it was delivered: it is never sent. */
    CANCELLED
}
