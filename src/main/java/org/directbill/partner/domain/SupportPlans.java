package org.directbill.partner.domain;

import java.util.List;

/** The support plans partners hold. */
public interface SupportPlans {

    void add(SupportPlan plan);

    boolean contractRecorded(PartnerId partnerId, String contractId);

    /** Newest purchase first. */
    List<SupportPlan> ofPartner(PartnerId partnerId);
}
