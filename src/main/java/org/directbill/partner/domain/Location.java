package org.directbill.partner.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A partner location account (PLA): one location or market of the partner, with its own location
 * ID (historically the MPN ID), unique in the whole system.
 */
public record Location(
        String locationId, PartnerId partnerId, String country, MembershipStatus membershipStatus, Instant createdAt) {

    private static final Pattern LOCATION_ID = Pattern.compile("\\d{5,10}");

    public record Registration(
            @Nullable String locationId,
            @Nullable String country,
            @Nullable MembershipStatus membershipStatus) {}

    public static Location register(Registration input, PartnerId partnerId, Instant now) {
        Violations violations = new Violations();
        String locationId = violations.requireText("locationId", input.locationId(), Integer.MAX_VALUE);
        if (locationId != null && !isLocationId(locationId)) {
            violations.add("locationId", "INVALID_LOCATION_ID", locationId);
        }
        String country = CountryRule.require("country", input.country(), violations);
        MembershipStatus status = violations.require("membershipStatus", input.membershipStatus());
        violations.throwIfAny();
        return new Location(
                Objects.requireNonNull(locationId),
                partnerId,
                Objects.requireNonNull(country),
                Objects.requireNonNull(status),
                now);
    }

    public static boolean isLocationId(String text) {
        return LOCATION_ID.matcher(text).matches();
    }

    public boolean isActive() {
        return membershipStatus == MembershipStatus.ACTIVE;
    }

    public Location withMembershipStatus(MembershipStatus status) {
        return new Location(locationId, partnerId, country, status, createdAt);
    }
}
