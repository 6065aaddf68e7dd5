package org.directbill.notification.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event to one endpoint, with where its delivery stands.
 *
 * @param eventSeq the event's place in the order of all events: one partner's are delivered to an
 *     endpoint in this order
 * @param attempts the attempts started so far
 * @param lastHttpStatus the status the endpoint last answered, when it answered
 * @param lastError why the last attempt failed, while it is not delivered
 */
public record WebhookDelivery(
        UUID id,
        UUID endpointId,
        long eventSeq,
        UUID eventId,
        String eventType,
        UUID partnerId,
        Instant occurredAt,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Integer lastHttpStatus,
        @Nullable String lastError,
        @Nullable Instant deliveredAt,
        Instant createdAt) {}
