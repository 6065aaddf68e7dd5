package org.directbill.compliance;

import java.time.LocalDate;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.Escalation;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * A partner's status in a few words, read from its standing alone: what a banner on every page of
 * the partner says (at risk until a deadline, restricted, suspended or revoked since a date) without
 * the assessments, history and policy that {@link StatusView} gathers.
 *
 * @param nextEscalation the step the calendar takes next, unless the partner is reinstated
 */
public record StatusSummary(
        PartnerId partnerId,
        DirectBillStatus status,
        @Nullable LocalDate since,
        @Nullable LocalDate cureDeadline,
        @Nullable Escalation nextEscalation) {}
