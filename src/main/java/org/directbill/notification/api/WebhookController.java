package org.directbill.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.directbill.notification.Webhooks;
import org.directbill.notification.domain.DeliveryAttempt;
import org.directbill.notification.domain.DeliveryStatus;
import org.directbill.notification.domain.WebhookDelivery;
import org.directbill.notification.domain.WebhookEndpoint;
import org.directbill.notification.domain.WebhookRegistration;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook endpoints and their delivery log, for program admins: {@code POST /webhooks} registers,
 * {@code PATCH /webhooks/{id}} with {@code {enabled}} enables or disables, {@code DELETE} deletes (the
 * log stays), {@code GET .../deliveries} lists what was sent and {@code POST
 * .../deliveries/{deliveryId}/redeliver} sends one again. The secret is never answered.
 */
@RestController
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * An endpoint as read: its secret is only said to be set, with its last four characters.
     *
     * @param deletedAt only for a deleted endpoint
     */
    record EndpointResponse(
            String id,
            String url,
            List<String> events,
            @Nullable String description,
            boolean enabled,
            boolean secretSet,
            String secretHint,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Instant deletedAt) {

        static EndpointResponse of(WebhookEndpoint endpoint) {
            return new EndpointResponse(
                    endpoint.id().toString(),
                    endpoint.url(),
                    endpoint.events(),
                    endpoint.description(),
                    endpoint.enabled(),
                    true,
                    endpoint.secretHint(),
                    endpoint.createdAt(),
                    endpoint.createdBy(),
                    endpoint.updatedAt(),
                    endpoint.deletedAt());
        }
    }

    /** {@code {enabled}}: the one thing that changes on an endpoint; to change its address or events, register another. */
    record Change(@Nullable Boolean enabled) {}

    /**
     * A delivery as listed.
     *
     * @param nextAttemptAt while PENDING: when it is tried (an earlier event of its partner may hold it longer)
     */
    record DeliveryResponse(
            String id,
            String eventId,
            String eventType,
            String partnerId,
            Instant occurredAt,
            String status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer lastHttpStatus,
            @Nullable String lastError,
            @Nullable Instant deliveredAt,
            Instant createdAt) {

        static DeliveryResponse of(WebhookDelivery d) {
            return new DeliveryResponse(
                    d.id().toString(),
                    d.eventId().toString(),
                    d.eventType(),
                    d.partnerId().toString(),
                    d.occurredAt(),
                    d.status().name(),
                    d.attempts(),
                    d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null,
                    d.lastHttpStatus(),
                    d.lastError(),
                    d.deliveredAt(),
                    d.createdAt());
        }
    }

    record AttemptResponse(
            int attempt,
            Instant at,
            long durationMs,
            @Nullable Integer httpStatus,
            @Nullable String error) {

        static AttemptResponse of(DeliveryAttempt a) {
            return new AttemptResponse(a.attempt(), a.startedAt(), a.durationMillis(), a.httpStatus(), a.error());
        }
    }

    /** A delivery with the body it POSTs (the exact JSON text) and each attempt, first first. */
    record DeliveryDetailResponse(
            String id,
            String eventId,
            String eventType,
            String partnerId,
            Instant occurredAt,
            String status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer lastHttpStatus,
            @Nullable String lastError,
            @Nullable Instant deliveredAt,
            Instant createdAt,
            String body,
            List<AttemptResponse> attemptLog) {

        static DeliveryDetailResponse of(Webhooks.DeliveryDetail detail) {
            DeliveryResponse d = DeliveryResponse.of(detail.delivery());
            return new DeliveryDetailResponse(
                    d.id(),
                    d.eventId(),
                    d.eventType(),
                    d.partnerId(),
                    d.occurredAt(),
                    d.status(),
                    d.attempts(),
                    d.nextAttemptAt(),
                    d.lastHttpStatus(),
                    d.lastError(),
                    d.deliveredAt(),
                    d.createdAt(),
                    detail.body(),
                    detail.attempts().stream().map(AttemptResponse::of).toList());
        }
    }

    @PostMapping("/api/v1/webhooks")
    ResponseEntity<EndpointResponse> register(@RequestBody WebhookRegistration body) {
        WebhookEndpoint endpoint = webhooks.register(body);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + endpoint.id()))
                .body(EndpointResponse.of(endpoint));
    }

    @GetMapping("/api/v1/webhooks")
    Page<EndpointResponse> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return webhooks.list(Page.Request.of(page, size)).map(EndpointResponse::of);
    }

    @GetMapping("/api/v1/webhooks/{id}")
    EndpointResponse get(@PathVariable String id) {
        return EndpointResponse.of(webhooks.get(id));
    }

    @PatchMapping("/api/v1/webhooks/{id}")
    EndpointResponse change(@PathVariable String id, @RequestBody Change body) {
        return EndpointResponse.of(webhooks.setEnabled(id, body.enabled()));
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    Page<DeliveryResponse> deliveries(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String partnerId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(id, status, partnerId, Page.Request.of(page, size))
                .map(DeliveryResponse::of);
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}")
    DeliveryDetailResponse delivery(@PathVariable String id, @PathVariable String deliveryId) {
        return DeliveryDetailResponse.of(webhooks.delivery(id, deliveryId));
    }

    @PostMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    DeliveryResponse redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        return DeliveryResponse.of(webhooks.redeliver(id, deliveryId));
    }
}
