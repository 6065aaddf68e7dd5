package org.directbill.partner.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Address;
import org.directbill.partner.domain.Contact;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.MembershipStatus;
import org.directbill.partner.domain.Partner;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.partner.domain.UserAccount;
import org.jspecify.annotations.Nullable;

/** What the partner endpoints answer: plain records, never the password hash. */
final class PartnerResponses {

    private PartnerResponses() {}

    record PartnerResponse(
            String id,
            String legalName,
            String country,
            @Nullable String registrationId,
            Address address,
            Contact primaryContact,
            Instant createdAt,
            List<LocationResponse> locations) {

        static PartnerResponse of(Partner p, List<Location> locations) {
            return new PartnerResponse(
                    p.id().toString(),
                    p.legalName(),
                    p.country(),
                    p.registrationId(),
                    p.address(),
                    p.primaryContact(),
                    p.createdAt(),
                    locations.stream().map(LocationResponse::of).toList());
        }

        static PartnerResponse of(PartnerDirectory.PartnerView view) {
            return of(view.partner(), view.locations());
        }
    }

    record PartnerSummary(
            String id,
            String legalName,
            String country,
            @Nullable String registrationId) {
        static PartnerSummary of(Partner p) {
            return new PartnerSummary(p.id().toString(), p.legalName(), p.country(), p.registrationId());
        }
    }

    record LocationResponse(String locationId, String country, MembershipStatus membershipStatus, Instant createdAt) {
        static LocationResponse of(Location l) {
            return new LocationResponse(l.locationId(), l.country(), l.membershipStatus(), l.createdAt());
        }
    }

    record UserResponse(
            String id,
            String email,
            String displayName,
            @Nullable String partnerId,
            Set<Role> roles,
            @Nullable String locale,
            Instant createdAt) {
        static UserResponse of(UserAccount u) {
            return new UserResponse(
                    u.id().toString(),
                    u.username(),
                    u.displayName(),
                    u.partnerId() == null ? null : u.partnerId().toString(),
                    u.roles(),
                    u.locale(),
                    u.createdAt());
        }
    }

    record SupportPlanResponse(
            String id,
            SupportPlan.Type type,
            String contractId,
            LocalDate purchasedOn,
            LocalDate renewsOn,
            boolean flagged,
            @Nullable String flagReason,
            Instant recordedAt,
            String recordedBy) {
        static SupportPlanResponse of(SupportPlan s) {
            return new SupportPlanResponse(
                    s.id().toString(),
                    s.type(),
                    s.contractId(),
                    s.purchasedOn(),
                    s.renewsOn(),
                    s.flagged(),
                    s.flagReason(),
                    s.recordedAt(),
                    s.recordedBy());
        }
    }
}
