package org.directbill.revenue.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One sale of a verification case and the decision on it: {@link VerificationState#OPEN} until a
 * reviewer marks it {@link VerificationState#VERIFIED} or {@link VerificationState#REJECTED}.
 */
public record CaseLine(
        String lineId,
        VerificationState state,
        @Nullable String reason,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy) {

    public CaseLine {
        Objects.requireNonNull(lineId);
        Objects.requireNonNull(state);
        if (state == VerificationState.NONE) {
            throw new IllegalArgumentException("a sale in a case is under verification: " + lineId);
        }
    }

    public static CaseLine selected(String lineId) {
        return new CaseLine(lineId, VerificationState.OPEN, null, null, null);
    }

    public boolean decided() {
        return state != VerificationState.OPEN;
    }

    CaseLine decide(SaleDecision decision, @Nullable String why, Instant at, String by) {
        return new CaseLine(lineId, decision.state(), why, at, by);
    }
}
