package org.directbill.compliance.api;

import java.time.LocalDate;
import org.directbill.compliance.Authorizations;
import org.directbill.compliance.domain.AuthorizationDecision;
import org.directbill.compliance.domain.PartnerAction;
import org.directbill.compliance.domain.Standing;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code reason} of an authorization answer, in the caller's language: {@code
 * authorization.reason.<CODE>} (or {@code ALLOWED_INDIRECT} for an invitation as an indirect
 * reseller), given the action, the status, since when, the location's market, the markets enrolled
 * and the date the partner became an indirect reseller.
 */
@Component
class AuthorizationReasons {

    private final Localized localized;

    AuthorizationReasons(Localized localized) {
        this.localized = localized;
    }

    String of(Authorizations.Authorization answer) {
        AuthorizationDecision decision = answer.decision();
        Standing standing = answer.standing();
        String key = decision.allowed() && answer.action().kind() == PartnerAction.Kind.INDIRECT
                ? "ALLOWED_INDIRECT"
                : decision.code();
        return localized.text(
                "authorization.reason." + key,
                localized.text("compliance.action." + answer.action().name()),
                localized.text("compliance.status." + decision.status().name()),
                date(standing.since() == null ? standing.firstActiveOn() : standing.since()),
                answer.location() == null ? "" : answer.location().country(),
                standing.markets().isEmpty() ? "—" : String.join(", ", standing.markets()),
                date(standing.indirectResellerSince()));
    }

    private static String date(@Nullable LocalDate date) {
        return date == null ? "—" : date.toString();
    }
}
