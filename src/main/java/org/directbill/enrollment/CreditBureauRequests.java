package org.directbill.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.directbill.enrollment.domain.CreditBureau;
import org.directbill.enrollment.domain.CreditBureauRequest;
import org.directbill.enrollment.domain.CreditBureauRequestRecords;
import org.directbill.enrollment.domain.CreditCheckRequest;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentRecords;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.enrollment.internal.CreditBureauProperties;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Partner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests to the credit bureau, through an outbox: entering CREDIT_CHECK writes the request in
 * the same transaction (so it exists exactly when the step committed), and {@link #deliverDue} sends
 * what is due, outside any transaction. A request the bureau does not take is tried again after 1
 * minute, then 2, 4… at most an hour apart, and given up (FAILED, logged) after {@code
 * directbill.credit-bureau.max-attempts}; an analyst can decide all along.
 */
@Service
public class CreditBureauRequests {

    private static final Logger log = LoggerFactory.getLogger(CreditBureauRequests.class);

    private static final int BATCH = 100;

    private final CreditBureauRequestRecords requests;
    private final EnrollmentRecords enrollments;
    private final PartnerDirectory directory;
    private final CreditBureau bureau;
    private final CreditBureauProperties settings;
    private final Clock clock;

    CreditBureauRequests(
            CreditBureauRequestRecords requests,
            EnrollmentRecords enrollments,
            PartnerDirectory directory,
            CreditBureau bureau,
            CreditBureauProperties settings,
            Clock clock) {
        this.requests = requests;
        this.enrollments = enrollments;
        this.directory = directory;
        this.bureau = bureau;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did. */
    public record Delivery(int sent, int retrying, int failed, int cancelled) {}

    /**
     * Queues the request, in the transaction of the step (the reviewer's: it may read the partner).
     * The company is taken as it is now, when it was verified.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(CreditCheckStarted started) {
        if (!settings.configured()) {
            return;
        }
        Partner partner = directory.get(started.partnerId()).partner();
        requests.add(
                new CreditCheckRequest(
                        UUID.randomUUID(),
                        started.enrollmentId(),
                        partner.id(),
                        partner.legalName(),
                        partner.country(),
                        partner.registrationId(),
                        partner.address(),
                        started.market(),
                        settings.callbackUrl()),
                clock.instant());
    }

    /** Sends every request due at {@code now} (the scheduler's run; tests call it with their clock). */
    public Delivery deliverDue(Instant now) {
        if (!settings.configured()) {
            return new Delivery(0, 0, 0, 0);
        }
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int cancelled = 0;
        for (CreditBureauRequest due : requests.due(now, BATCH)) {
            Enrollment enrollment =
                    enrollments.find(due.request().enrollmentId()).orElse(null);
            if (enrollment == null || enrollment.status() != EnrollmentStatus.CREDIT_CHECK) {
                // Decided by an analyst or withdrawn meanwhile: the bureau has nothing left to check.
                requests.cancel(
                        due.id(),
                        due.attempts(),
                        "enrollment is " + (enrollment == null ? "gone" : enrollment.status()));
                cancelled++;
                continue;
            }
            if (!requests.claim(due.id(), due.attempts(), now, now.plus(settings.hold()))) {
                continue; // another instance is sending it
            }
            int attempt = due.attempts() + 1;
            try {
                CreditBureau.Submission taken = bureau.request(due.request());
                requests.sent(due.id(), attempt, taken.reference(), now);
                sent++;
            } catch (RuntimeException refused) {
                String error = refused.getClass().getSimpleName() + ": " + refused.getMessage();
                if (attempt >= settings.maxAttempts()) {
                    requests.failed(due.id(), attempt, error);
                    log.warn(
                            "Credit bureau request {} for enrollment {} given up after {} attempts: {}",
                            due.id(),
                            due.request().enrollmentId(),
                            attempt,
                            error);
                    failed++;
                } else {
                    requests.retryAt(due.id(), attempt, now.plus(CreditBureauRequest.backoff(attempt)), error);
                    retrying++;
                }
            }
        }
        return new Delivery(sent, retrying, failed, cancelled);
    }
}
