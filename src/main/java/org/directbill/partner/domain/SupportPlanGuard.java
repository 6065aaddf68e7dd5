package org.directbill.partner.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a support plan may be recorded now. The partner directory keeps plans as facts;
 * the enrollment module, which knows about credit checks, implements this to enforce the seeds'
 * rule "do not buy a support plan during the credit check".
 */
public interface SupportPlanGuard {

    Verdict check(PartnerId partnerId, LocalDate purchasedOn);

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
