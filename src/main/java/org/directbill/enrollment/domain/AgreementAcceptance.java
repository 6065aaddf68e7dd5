package org.directbill.enrollment.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The direct-bill agreement accepted: which version, who, when and from where (address and browser). */
public record AgreementAcceptance(
        String version,
        Instant at,
        String by,
        String fromAddress,
        @Nullable String userAgent) {

    public AgreementAcceptance {
        Objects.requireNonNull(version);
        Objects.requireNonNull(at);
        Objects.requireNonNull(by);
        Objects.requireNonNull(fromAddress);
    }
}
