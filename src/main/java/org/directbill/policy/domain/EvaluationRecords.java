package org.directbill.policy.domain;

import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.Page;

/** Where evaluations are kept: added once, never changed. */
public interface EvaluationRecords {

    void add(Evaluation evaluation);

    Optional<Evaluation> find(PartnerId partnerId, UUID id);

    /** The partner's evaluations, newest first. */
    Page<Evaluation> ofPartner(PartnerId partnerId, Page.Request request);
}
