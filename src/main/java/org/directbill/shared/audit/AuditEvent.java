package org.directbill.shared.audit;

import org.jspecify.annotations.Nullable;

/**
 * A state change to keep in the audit log. Every module publishes one inside the transaction of
 * the change it describes; the audit module appends it in that same transaction, so the log holds
 * exactly the changes that happened.
 *
 * @param subject the business thing the change belongs to, e.g. a partner id, so a program admin can
 *     ask for everything that happened to it
 * @param subjectType what kind of thing changed (PARTNER, LOCATION, USER…)
 * @param subjectId the id of the thing that changed
 * @param action what happened, UPPER_SNAKE (e.g. LOCATION_STATUS_CHANGED)
 * @param before its state before (null when created)
 * @param after its state after (null when removed)
 * @param reason why, when a person gave a reason
 */
public record AuditEvent(
        String subject,
        String subjectType,
        String subjectId,
        String action,
        @Nullable Object before,
        @Nullable Object after,
        @Nullable String reason) {

    public static AuditEvent created(
            String subject, String subjectType, String subjectId, String action, Object after) {
        return new AuditEvent(subject, subjectType, subjectId, action, null, after, null);
    }

    public static AuditEvent changed(
            String subject, String subjectType, String subjectId, String action, Object before, Object after) {
        return new AuditEvent(subject, subjectType, subjectId, action, before, after, null);
    }

    public AuditEvent because(@Nullable String why) {
        return new AuditEvent(subject, subjectType, subjectId, action, before, after, why);
    }
}
