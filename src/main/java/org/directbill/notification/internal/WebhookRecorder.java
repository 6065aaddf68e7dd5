package org.directbill.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.directbill.notification.domain.WebhookEndpoint;
import org.directbill.shared.notice.PartnerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores each {@link PartnerEvent} synchronously, inside the transaction of the change that
 * published it: the event (its JSON body, fixed now, and its place in the order of events) and one
 * delivery per enabled endpoint subscribed to its type commit with the change or not at all. A key
 * already stored is delivered once: the second publication is ignored, checked first and backed by
 * the unique key (a concurrent twin's insert is rolled back to a savepoint, so the publisher's change
 * still commits).
 */
@Component
class WebhookRecorder {

    private static final Logger log = LoggerFactory.getLogger(WebhookRecorder.class);

    private final WebhookStore store;
    private final JsonMapper json;
    private final Clock clock;

    WebhookRecorder(WebhookStore store, JsonMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(PartnerEvent published) {
        if (store.eventKeyTaken(published.key())) {
            log.debug("Partner event {} already stored; delivered once", published.key());
            return;
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String body = body(id, published, now);
        List<WebhookEndpoint> subscribed = store.enabledEndpoints().stream()
                .filter(endpoint -> endpoint.subscribesTo(published.type()))
                .toList();
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            long seq = store.addEvent(id, published.key(), published.partnerId(), published.type(), body, now);
            for (WebhookEndpoint endpoint : subscribed) {
                store.addDelivery(UUID.randomUUID(), endpoint.id(), seq, published.partnerId(), now);
            }
            transaction.releaseSavepoint(savepoint);
        } catch (DuplicateKeyException storedMeanwhile) {
            // Another transaction stored the same key after our check: it delivers the event.
            transaction.rollbackToSavepoint(savepoint);
            log.debug("Partner event {} stored meanwhile by another transaction; delivered once", published.key());
        }
    }

    /** What every attempt POSTs, byte for byte: {@code {id, type, occurredAt, partnerId, data}}. */
    private String body(UUID id, PartnerEvent event, Instant occurredAt) {
        ObjectNode body = json.createObjectNode();
        body.put("id", id.toString());
        body.put("type", event.type());
        body.put("occurredAt", occurredAt.toString());
        body.put("partnerId", event.partnerId().toString());
        body.set("data", json.valueToTree(event.data()));
        return json.writeValueAsString(body);
    }
}
