package org.directbill.notification.domain;

import java.util.List;
import java.util.stream.Stream;

/**
 * The event types an endpoint may subscribe to: the direct-bill statuses a partner enters, each named
 * for the new status, and the wildcard that subscribes to every status (those added later too).
 */
public final class WebhookEventTypes {

    /** Every status change, whatever the new status. */
    public static final String ALL_STATUSES = "partner.status.*";

    private static final String STATUS_PREFIX = "partner.status.";

    /** The types the compliance module publishes, in the order of the statuses. */
    public static final List<String> KNOWN = List.of(
            "partner.status.active",
            "partner.status.at_risk",
            "partner.status.restricted",
            "partner.status.suspended",
            "partner.status.revoked");

    private WebhookEventTypes() {}

    /** What an endpoint may list: the wildcard, then each known type. */
    public static List<String> subscribable() {
        return Stream.concat(Stream.of(ALL_STATUSES), KNOWN.stream()).toList();
    }

    public static boolean isSubscribable(String type) {
        return ALL_STATUSES.equals(type) || KNOWN.contains(type);
    }

    /** Whether a subscription to {@code subscribed} (a type or the wildcard) covers an event of {@code type}. */
    public static boolean covers(String subscribed, String type) {
        if (ALL_STATUSES.equals(subscribed)) {
            return type.startsWith(STATUS_PREFIX);
        }
        return subscribed.equals(type);
    }
}
