package org.directbill.compliance;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.directbill.compliance.domain.AuthorizationDecision;
import org.directbill.compliance.domain.AuthorizationMatrix;
import org.directbill.compliance.domain.PartnerAction;
import org.directbill.compliance.domain.Refusal;
import org.directbill.compliance.domain.Refusals;
import org.directbill.compliance.domain.Standing;
import org.directbill.compliance.internal.AuthorizationView;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The order-time authorization decision (domain.md: "may location/partner X do action A now?"),
 * asked by the ordering platform (role INTEGRATION) and program staff before each action. It answers
 * from memory ({@link AuthorizationView}) through {@link AuthorizationMatrix}; each refusal is stored
 * before it is answered. Not transactional: an allowed answer touches no database, a refusal is one
 * insert committed on its own.
 */
@Service
public class Authorizations {

    private static final String ACTIONS =
            Arrays.stream(PartnerAction.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final AuthorizationView view;
    private final Refusals refusals;
    private final Clock clock;

    Authorizations(AuthorizationView view, Refusals refusals, Clock clock) {
        this.view = view;
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * An answer and what it was judged on.
     *
     * @param location the location asked about, when asked by location
     * @param standing the partner's standing the answer was judged on
     */
    public record Authorization(
            PartnerId partnerId,
            @Nullable Location location,
            PartnerAction action,
            Standing standing,
            AuthorizationDecision decision) {}

    /**
     * May the partner, or the partner of the location, do the action now? Exactly one of {@code
     * partnerId} and {@code locationId} (400 naming {@code partnerId} otherwise, and for a malformed
     * id; {@code locationId} for a malformed location ID; {@code action} for a missing or unknown
     * action); 404 {@code PARTNER_NOT_FOUND} or {@code LOCATION_NOT_FOUND} when there is none.
     */
    public Authorization decide(@Nullable String partnerId, @Nullable String locationId, @Nullable String action) {
        Caller caller = Callers.requireStaff(Role.INTEGRATION, Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        Violations violations = new Violations();
        String partnerText = blankToNull(partnerId);
        String locationText = blankToNull(locationId);
        PartnerId partner = null;
        if (partnerText == null && locationText == null) {
            violations.add("partnerId", "PARTNER_OR_LOCATION_REQUIRED");
        } else if (partnerText != null && locationText != null) {
            violations.add("partnerId", "PARTNER_OR_LOCATION_NOT_BOTH");
        } else if (partnerText != null) {
            partner = PartnerId.parse(partnerText).orElse(null);
            if (partner == null) {
                violations.add("partnerId", "INVALID_PARTNER_ID", partnerText);
            }
        } else if (!Location.isLocationId(locationText)) {
            violations.add("locationId", "INVALID_LOCATION_ID", locationText);
        }
        PartnerAction wanted = action(action, violations);
        violations.throwIfAny();

        Location location = null;
        if (partner == null) {
            location = view.location(locationText).orElseThrow(() -> new NotFound("LOCATION_NOT_FOUND", locationText));
            partner = location.partnerId();
        }
        PartnerId asked = partner;
        Standing standing = view.standing(asked).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", asked.toString()));
        AuthorizationDecision decision = location == null
                ? AuthorizationMatrix.decide(standing.status(), standing.indirectReseller(), wanted)
                : AuthorizationMatrix.decideIn(
                        location.country(), standing.markets(), standing.status(), standing.indirectReseller(), wanted);
        if (decision.refusal() != null) {
            refusals.add(new Refusal(
                    asked,
                    location == null ? null : location.locationId(),
                    wanted,
                    decision.status(),
                    decision.refusal(),
                    caller.username(),
                    clock.instant()));
        }
        return new Authorization(asked, location, wanted, standing, decision);
    }

    /** The refusals kept, of one partner or of all, newest first: program staff. */
    public Page<Refusals.Stored> refusals(@Nullable String partnerId, int page, int size) {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        String partnerText = blankToNull(partnerId);
        PartnerId partner = null;
        if (partnerText != null) {
            partner = PartnerId.parse(partnerText).orElse(null);
            if (partner == null) {
                new Violations()
                        .add("partnerId", "INVALID_PARTNER_ID", partnerText)
                        .throwIfAny();
            }
        }
        return refusals.list(partner, Page.Request.of(page, size));
    }

    private static @Nullable PartnerAction action(@Nullable String name, Violations violations) {
        String text = blankToNull(name);
        if (text == null) {
            violations.add("action", "REQUIRED");
            return null;
        }
        try {
            return PartnerAction.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            violations.add("action", "UNKNOWN_ACTION", text, ACTIONS);
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
