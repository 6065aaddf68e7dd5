package org.directbill.compliance;

import java.time.LocalDate;
import org.directbill.enrollment.EnrollmentActivated;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.partner.domain.PartnerId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a partner a direct-bill partner in a market the way an enrollment's activation does: the
 * {@link EnrollmentActivated} event published in a transaction, which compliance's listener turns
 * into the ACTIVE standing (a whole enrollment through the API would take a scenario of its own and
 * test nothing more here).
 */
public final class Activations {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    public Activations(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
    }

    public void activate(String partnerId, String market, LocalDate on) {
        PartnerId partner = PartnerId.parse(partnerId).orElseThrow();
        transactions.executeWithoutResult(
                status -> events.publishEvent(new EnrollmentActivated(EnrollmentId.random(), partner, market, on)));
    }
}
