package org.directbill.compliance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;

/** The assessments that decided something. */
public interface Assessments {

    boolean exists(PartnerId partner, LocalDate assessedOn, Assessment.Occasion occasion);

    void add(Assessment assessment);

    Optional<Assessment> find(UUID id);

    /** The partner's assessments, newest first. */
    List<Assessment> ofPartner(PartnerId partner);
}
