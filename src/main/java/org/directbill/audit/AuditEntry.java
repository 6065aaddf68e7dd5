package org.directbill.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded change, with its states as JSON documents. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String subject,
        String subjectType,
        String subjectId,
        String action,
        @Nullable String before,
        @Nullable String after,
        @Nullable String reason) {}
