package org.directbill.compliance;

import org.directbill.compliance.domain.Standing;
import org.directbill.compliance.domain.Standings;
import org.directbill.enrollment.EnrollmentActivated;
import org.directbill.partner.IndirectResellerChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What compliance learns from other modules, in the transaction of their change (so the status and
 * the activation, or the profile, commit together): an enrollment became ACTIVE, the partner became
 * (or stopped being) an indirect reseller.
 */
@Component
class StandingListeners {

    private final Standings standings;
    private final StandingWriter writer;

    StandingListeners(Standings standings, StandingWriter writer) {
        this.standings = standings;
        this.writer = writer;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EnrollmentActivated activated) {
        Standing standing = standings.lock(activated.partnerId());
        writer.write(standing, standing.activated(activated.market(), activated.activatedOn()), null);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(IndirectResellerChanged changed) {
        Standing standing = standings.lock(changed.partnerId());
        writer.write(
                standing,
                new Standing.Step(standing.withIndirectResellerSince(changed.since()), java.util.Optional.empty()),
                null);
    }
}
