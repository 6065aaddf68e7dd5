package org.directbill.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.directbill.notification.domain.DeliveryAttempt;
import org.directbill.notification.domain.DeliveryStatus;
import org.directbill.notification.domain.WebhookDelivery;
import org.directbill.notification.domain.WebhookEndpoint;
import org.directbill.notification.domain.WebhookRegistration;
import org.directbill.notification.internal.WebhookSettings;
import org.directbill.notification.internal.WebhookStore;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.shared.Page;
import org.directbill.shared.audit.AuditEvent;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook endpoints and their delivery log, for program admins only: registering, listing,
 * enabling and disabling, deleting (nothing more is sent; the log stays), reading the deliveries and
 * their attempts, and sending one again. Every change is audited (never with the secret).
 */
@Service
@Transactional
public class Webhooks {

    private static final String AUDIT_TYPE = "WEBHOOK_ENDPOINT";

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Webhooks(WebhookStore store, WebhookSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** A delivery with the body it POSTs and every attempt, first first. */
    public record DeliveryDetail(WebhookDelivery delivery, String body, List<DeliveryAttempt> attempts) {}

    /** A delivery as the log lists it, with its attempts, first first. */
    public record Logged(WebhookDelivery delivery, List<DeliveryAttempt> attempts) {

        /** Whether it may be sent again now: waiting for a retry, or delivered. */
        public boolean redeliverable() {
            return delivery.status() == DeliveryStatus.PENDING || delivery.status() == DeliveryStatus.DELIVERED;
        }
    }

    /** Registers an endpoint, enabled: it is sent the events published from now on. */
    public WebhookEndpoint register(WebhookRegistration registration) {
        Caller admin = Callers.requireStaff(Role.PROGRAM_ADMIN);
        WebhookRegistration.Valid valid = registration.validate(settings.allowHttp());
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                UUID.randomUUID(),
                valid.url(),
                valid.events(),
                valid.secret(),
                valid.description(),
                true,
                now,
                admin.username(),
                now,
                null);
        store.add(endpoint);
        events.publishEvent(AuditEvent.created(
                subject(endpoint.id()), AUDIT_TYPE, endpoint.id().toString(), "WEBHOOK_REGISTERED", audited(endpoint)));
        return endpoint;
    }

    @Transactional(readOnly = true)
    public Page<WebhookEndpoint> list(Page.Request request) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return store.endpoints(request);
    }

    /** An endpoint, deleted ones too (their log stays readable). */
    @Transactional(readOnly = true)
    public WebhookEndpoint get(String id) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return parse(id).flatMap(store::endpoint).orElseThrow(() -> new NotFound("WEBHOOK_NOT_FOUND", id));
    }

    /**
     * Enables or disables an endpoint. A disabled endpoint is recorded no new event, and its waiting
     * deliveries are not sent until it is enabled again (then in order, as before).
     */
    public WebhookEndpoint setEnabled(String id, @Nullable Boolean enabled) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        if (enabled == null) {
            new Violations().add("enabled", "REQUIRED").throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        WebhookEndpoint before = locked(id);
        if (before.deleted()) {
            throw new Conflict("WEBHOOK_DELETED", id);
        }
        if (before.enabled() == enabled) {
            return before;
        }
        store.setEnabled(before.id(), enabled, clock.instant());
        WebhookEndpoint after = store.endpoint(before.id()).orElseThrow();
        events.publishEvent(AuditEvent.changed(
                subject(before.id()),
                AUDIT_TYPE,
                before.id().toString(),
                enabled ? "WEBHOOK_ENABLED" : "WEBHOOK_DISABLED",
                audited(before),
                audited(after)));
        return after;
    }

    /**
     * Deletes an endpoint: it is sent nothing more, its waiting deliveries are CANCELLED, and it and
     * its log stay readable. Deleting it again changes nothing.
     */
    public void delete(String id) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        WebhookEndpoint before = locked(id);
        if (before.deleted()) {
            return;
        }
        int cancelled = store.delete(before.id(), clock.instant());
        Map<String, Object> after = audited(store.endpoint(before.id()).orElseThrow());
        after.put("cancelledDeliveries", cancelled);
        events.publishEvent(AuditEvent.changed(
                subject(before.id()), AUDIT_TYPE, before.id().toString(), "WEBHOOK_DELETED", audited(before), after));
    }

    /**
     * An endpoint's deliveries, newest event first.
     *
     * @param status blank for all, else one of {@link DeliveryStatus}
     * @param partnerId blank for every partner's
     */
    @Transactional(readOnly = true)
    public Page<WebhookDelivery> deliveries(
            String id, @Nullable String status, @Nullable String partnerId, Page.Request request) {
        WebhookEndpoint endpoint = get(id);
        Violations violations = new Violations();
        DeliveryStatus wanted = status(status, violations);
        UUID partner = null;
        if (partnerId != null && !partnerId.isBlank()) {
            partner = parse(partnerId.strip()).orElse(null);
            if (partner == null) {
                violations.add("partnerId", "INVALID_VALUE", "partnerId");
            }
        }
        violations.throwIfAny();
        return store.deliveries(endpoint.id(), wanted, partner, request);
    }

    /** {@link #deliveries}, each with its attempts (read in one query for the page). */
    @Transactional(readOnly = true)
    public Page<Logged> log(String id, @Nullable String status, @Nullable String partnerId, Page.Request request) {
        Page<WebhookDelivery> deliveries = deliveries(id, status, partnerId, request);
        Map<UUID, List<DeliveryAttempt>> attempts =
                store
                        .attemptsOf(deliveries.items().stream()
                                .map(WebhookDelivery::id)
                                .toList())
                        .stream()
                        .collect(Collectors.groupingBy(
                                WebhookStore.LoggedAttempt::deliveryId,
                                Collectors.mapping(WebhookStore.LoggedAttempt::attempt, Collectors.toList())));
        return deliveries.map(delivery -> new Logged(delivery, attempts.getOrDefault(delivery.id(), List.of())));
    }

    @Transactional(readOnly = true)
    public DeliveryDetail delivery(String id, String deliveryId) {
        WebhookDelivery delivery = deliveryOf(get(id), deliveryId);
        return new DeliveryDetail(delivery, store.body(delivery.id()), store.attempts(delivery.id()));
    }

    /**
     * Makes a delivery due now: one waiting for its next attempt is tried at the next run, one
     * delivered is sent again (same delivery id, same body). Later events of its partner wait for it
     * again. Refused (409) for a delivery being sent, or cancelled, and for an endpoint disabled or
     * deleted.
     */
    public WebhookDelivery redeliver(String id, String deliveryId) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        WebhookEndpoint endpoint = locked(id);
        WebhookDelivery delivery = deliveryOf(endpoint, deliveryId);
        if (endpoint.deleted()) {
            throw new Conflict("WEBHOOK_DELETED", id);
        }
        if (!endpoint.enabled()) {
            throw new Conflict("WEBHOOK_DISABLED", id);
        }
        if (!store.redeliver(delivery.id(), clock.instant())) {
            throw new Conflict(
                    "DELIVERY_NOT_REDELIVERABLE", deliveryId, delivery.status().name());
        }
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("delivery", delivery.id().toString());
        audited.put("event", delivery.eventId().toString());
        audited.put("statusBefore", delivery.status().name());
        events.publishEvent(AuditEvent.created(
                subject(endpoint.id()), AUDIT_TYPE, endpoint.id().toString(), "WEBHOOK_REDELIVERY_REQUESTED", audited));
        return store.delivery(delivery.id()).orElseThrow();
    }

    private WebhookEndpoint locked(String id) {
        return parse(id).flatMap(store::endpointForUpdate).orElseThrow(() -> new NotFound("WEBHOOK_NOT_FOUND", id));
    }

    private WebhookDelivery deliveryOf(WebhookEndpoint endpoint, String deliveryId) {
        return parse(deliveryId)
                .flatMap(store::delivery)
                .filter(delivery -> delivery.endpointId().equals(endpoint.id()))
                .orElseThrow(() -> new NotFound("DELIVERY_NOT_FOUND", deliveryId));
    }

    private static @Nullable DeliveryStatus status(@Nullable String status, Violations violations) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String name = status.strip().toUpperCase(Locale.ROOT);
        for (DeliveryStatus known : DeliveryStatus.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        violations.add(
                "status",
                "INVALID_ENUM",
                "status",
                status,
                Arrays.stream(DeliveryStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String subject(UUID endpoint) {
        return "webhook:" + endpoint;
    }

    /** What the audit log keeps of an endpoint: everything but its secret. */
    private static Map<String, Object> audited(WebhookEndpoint endpoint) {
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("url", endpoint.url());
        audited.put("events", endpoint.events());
        audited.put("description", endpoint.description() == null ? "" : endpoint.description());
        audited.put("enabled", endpoint.enabled());
        audited.put("secretHint", endpoint.secretHint());
        return audited;
    }
}
