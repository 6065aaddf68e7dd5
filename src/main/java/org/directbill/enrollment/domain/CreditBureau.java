package org.directbill.enrollment.domain;

import org.jspecify.annotations.Nullable;

/**
 * The credit bureau, as the enrollment needs it: it takes a request to check a company and answers
 * later, on the webhook ({@code POST /api/v1/credit-bureau/decisions}).
 */
public interface CreditBureau {

    /** Sends the request; the bureau accepted it when this returns. */
    Submission request(CreditCheckRequest request);

    /** The bureau took the request; {@code reference} is its own name for it, when it gives one. */
    record Submission(@Nullable String reference) {}

    /** The bureau could not be reached or did not accept the request: try again later. */
    class Unavailable extends RuntimeException {

        public Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
