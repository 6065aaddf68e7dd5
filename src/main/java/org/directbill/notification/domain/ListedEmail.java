package org.directbill.notification.domain;

import java.util.UUID;

/** An outbox email with the partner and kind of its notice, as operations list them. */
public record ListedEmail(OutboxEmail email, UUID partnerId, String kind) {}
