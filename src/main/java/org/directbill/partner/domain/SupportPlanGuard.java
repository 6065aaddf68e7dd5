package org.directbill.partner.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a support plan may be recorded now. The partner directory keeps plans as facts;
 * the enrollment module, which knows about credit checks, implements this to enforce the seeds'
 * rule "do not buy a support plan during the credit check".
 */
public interface SupportPlanGuard {

    Verdict check(PartnerId partnerId, LocalDate purchasedOn);

    /**
     * What the partner's plans wait on now, if anything: the earliest application submitted and not
     * yet through its credit check. Pages say it before anyone buys a plan that would be refused.
     */
    default Optional<Waiting> waiting(PartnerId partnerId) {
        return Optional.empty();
    }

    /**
     * A plan bought on or after {@code since} is refused until the credit check of the application
     * in {@code market} passes; one bought earlier is recorded and flagged.
     *
     * @param creditCheck whether the application is in its credit check (else still being reviewed)
     */
    record Waiting(String market, LocalDate since, boolean creditCheck) {

        public Waiting {
            Objects.requireNonNull(market);
            Objects.requireNonNull(since);
        }
    }

    /** Accept, accept and flag for operations, or refuse with a code (409). */
    record Verdict(
            boolean accepted,
            boolean flagged,
            @Nullable String flagReason,
            @Nullable String refusalCode) {

        public static Verdict accept() {
            return new Verdict(true, false, null, null);
        }

        public static Verdict acceptFlagged(String reason) {
            return new Verdict(true, true, reason, null);
        }

        public static Verdict refuse(String code) {
            return new Verdict(false, false, null, code);
        }
    }
}
