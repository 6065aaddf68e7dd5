package org.directbill.notification;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.directbill.notification.domain.DeliveryAttempt;
import org.directbill.notification.domain.DeliveryStatus;
import org.directbill.notification.internal.WebhookSender;
import org.directbill.notification.internal.WebhookSettings;
import org.directbill.notification.internal.WebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the webhook deliveries that are due: the db-scheduler task {@code webhook-outbox} calls {@link
 * #deliverDue} every few seconds on one node; tests call it with the time they choose.
 *
 * <p>At least once: a delivery is tried until its endpoint answers 2xx, after a wait that doubles
 * with each failure (from {@code directbill.webhooks.first-retry} up to {@code max-retry-delay}),
 * for as long as its endpoint is enabled; a disabled endpoint's deliveries wait, a deleted one's are
 * cancelled. Each is first claimed by a conditional update (committed on its own), so two nodes never
 * both send it; a node that stops while sending leaves it SENDING, and after the lease (the timeouts
 * plus a minute) it is sent again: a receiver may see one delivery twice, and tells by its {@code
 * X-Directbill-Delivery} id.
 *
 * <p>In order per partner: a delivery is not claimed while an earlier event of the same partner is
 * undelivered to the same endpoint; other partners' events go on. Within one run, a delivery that
 * succeeds lets the next event of its partner go at once.
 */
@Service
public class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    private static final int BATCH = 50;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final TransactionTemplate transactions;

    WebhookOutbox(
            WebhookStore store, WebhookSender sender, WebhookSettings settings, TransactionTemplate transactions) {
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** What one run did: deliveries answered 2xx, and failed attempts (to be retried). */
    public record Run(int delivered, int failed) {}

    /**
     * Claims and POSTs, one by one, every delivery that may go at {@code now}. Each step commits on
     * its own, outside any caller's transaction, and no HTTP call runs inside a transaction.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Run deliverDue(Instant now) {
        Instant staleBefore = now.minus(settings.sendingLease());
        int delivered = 0;
        int failed = 0;
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<UUID> due = store.claimable(now, staleBefore, BATCH).stream()
                    .filter(id -> !tried.contains(id))
                    .toList();
            if (due.isEmpty()) {
                break;
            }
            for (UUID id : due) {
                tried.add(id);
                if (!store.claim(id, now, staleBefore)) {
                    continue; // another node claimed it first, or an earlier event became due again
                }
                if (send(id, now)) {
                    delivered++;
                } else {
                    failed++;
                }
            }
        }
        return new Run(delivered, failed);
    }

    /** POSTs a claimed delivery and records the attempt and its outcome together. */
    private boolean send(UUID id, Instant now) {
        WebhookStore.Sendable sendable = store.sendable(id);
        int attempt = sendable.delivery().attempts();
        WebhookSender.Outcome outcome = sender.post(
                sendable.url(), sendable.secret(), id, sendable.delivery().eventType(), sendable.body());
        transactions.executeWithoutResult(status -> {
            store.logAttempt(
                    id,
                    new DeliveryAttempt(attempt, now, outcome.durationMillis(), outcome.httpStatus(), outcome.error()));
            if (outcome.delivered()) {
                store.delivered(id, attempt, now, outcome.httpStatus());
                return;
            }
            boolean deleted = store.endpoint(sendable.delivery().endpointId())
                    .map(endpoint -> endpoint.deleted())
                    .orElse(true);
            Instant next = now.plus(settings.retryPolicy().delayAfter(attempt));
            store.failed(
                    id,
                    attempt,
                    deleted ? DeliveryStatus.CANCELLED : DeliveryStatus.PENDING,
                    next,
                    outcome.httpStatus(),
                    String.valueOf(outcome.error()));
            log.info(
                    "Webhook delivery {} to {} failed (attempt {}){}: {}",
                    id,
                    sendable.url(),
                    attempt,
                    deleted ? ", cancelled: its endpoint is deleted" : ", next attempt at " + next,
                    outcome.error());
        });
        return outcome.delivered();
    }
}
