package org.directbill.compliance.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a partner's direct-bill history: from which status to which, effective on which date,
 * why, and the admin's reason when a person took it.
 */
public record StatusChange(
        DirectBillStatus from,
        DirectBillStatus to,
        LocalDate effectiveOn,
        ChangeCause cause,
        @Nullable String reason) {

    public StatusChange {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(effectiveOn);
        Objects.requireNonNull(cause);
        if (cause.manual() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(cause + " needs a reason");
        }
    }
}
