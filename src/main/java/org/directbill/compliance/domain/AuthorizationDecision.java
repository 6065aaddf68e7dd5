package org.directbill.compliance.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "may this partner do this action now": allowed, the status it was judged on, and
 * for a refusal why ({@code refusal}); {@link #code()} is {@code ALLOWED} or the refusal's name.
 */
public record AuthorizationDecision(
        boolean allowed, DirectBillStatus status, @Nullable RefusalCode refusal) {

    public static final String ALLOWED = "ALLOWED";

    public AuthorizationDecision {
        Objects.requireNonNull(status);
        if (allowed != (refusal == null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, has a code");
        }
    }

    public static AuthorizationDecision allowed(DirectBillStatus status) {
        return new AuthorizationDecision(true, status, null);
    }

    public static AuthorizationDecision refused(DirectBillStatus status, RefusalCode code) {
        return new AuthorizationDecision(false, status, code);
    }

    public String code() {
        return refusal == null ? ALLOWED : refusal.name();
    }
}
