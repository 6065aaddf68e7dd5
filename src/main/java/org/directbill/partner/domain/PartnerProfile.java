package org.directbill.partner.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.directbill.shared.problem.Forbidden;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The facts the requirements are checked against. Empty facts are simply absent: a partner that
 * has not named a signatory has a null signatory, which a requirement reads as "not met".
 */
public record PartnerProfile(
        PartnerId partnerId,
        @Nullable Signatory signatory,
        @Nullable SupportCapability supportCapability,
        @Nullable BillingInfrastructure billingInfrastructure,
        List<ManagedService> managedServices,
        @Nullable LocalDate indirectResellerSince,
        @Nullable FactStatus businessVetting,
        @Nullable FactStatus operationalAssessment,
        @Nullable Boolean securityScoreMandatoryComplete,
        List<String> designations,
        @Nullable Instant updatedAt) {

    public PartnerProfile {
        // Copied without List.copyOf, which refuses nulls: a change may carry null entries that
        // validation then reports by position.
        managedServices = Collections.unmodifiableList(new ArrayList<>(managedServices));
        designations = Collections.unmodifiableList(new ArrayList<>(designations));
    }

    public record Signatory(
            @Nullable String name,
            @Nullable String email,
            @Nullable String title,
            @Nullable Boolean authorityToSign) {}

    public record SupportCapability(
            @Nullable Boolean firstLevelSupport, @Nullable String contactEmail) {}

    public record BillingInfrastructure(
            @Nullable Boolean inPlace, @Nullable String description) {}

    public enum ServiceKind {
        MANAGED_SERVICE,
        IP_SERVICE,
        CUSTOMER_SOLUTION
    }

    public record ManagedService(
            @Nullable String name, @Nullable ServiceKind kind) {}

    /**
     * A partial update: only the fields named in {@code fields} change; a named field whose value is
     * null is cleared.
     */
    public record Change(Set<ProfileField> fields, PartnerProfile values) {}

    public static PartnerProfile empty(PartnerId partnerId) {
        return new PartnerProfile(partnerId, null, null, null, List.of(), null, null, null, null, List.of(), null);
    }

    /**
     * Applies a change made by someone allowed to set {@code editable}. A field outside it is refused
     * as a whole (403) before anything is checked; then every value is validated.
     */
    public PartnerProfile apply(Change change, Set<ProfileField> editable, LocalDate today, Instant now) {
        List<String> refused = change.fields().stream()
                .filter(field -> !editable.contains(field))
                .map(ProfileField::jsonName)
                .sorted()
                .toList();
        if (!refused.isEmpty()) {
            throw new Forbidden("FIELD_NOT_EDITABLE", String.join(", ", refused));
        }
        Violations violations = new Violations();
        PartnerProfile v = change.values();
        Set<ProfileField> f = change.fields();
        PartnerProfile next = new PartnerProfile(
                partnerId,
                f.contains(ProfileField.SIGNATORY) ? signatory(v.signatory(), violations) : signatory,
                f.contains(ProfileField.SUPPORT_CAPABILITY)
                        ? supportCapability(v.supportCapability(), violations)
                        : supportCapability,
                f.contains(ProfileField.BILLING_INFRASTRUCTURE)
                        ? billing(v.billingInfrastructure(), violations)
                        : billingInfrastructure,
                f.contains(ProfileField.MANAGED_SERVICES) ? services(v.managedServices(), violations) : managedServices,
                f.contains(ProfileField.INDIRECT_RESELLER_SINCE)
                        ? notInFuture(v.indirectResellerSince(), today, violations)
                        : indirectResellerSince,
                f.contains(ProfileField.BUSINESS_VETTING) ? v.businessVetting() : businessVetting,
                f.contains(ProfileField.OPERATIONAL_ASSESSMENT) ? v.operationalAssessment() : operationalAssessment,
                f.contains(ProfileField.SECURITY_SCORE_MANDATORY_COMPLETE)
                        ? v.securityScoreMandatoryComplete()
                        : securityScoreMandatoryComplete,
                f.contains(ProfileField.DESIGNATIONS) ? designations(v.designations(), violations) : designations,
                now);
        violations.throwIfAny();
        return next;
    }

    private static @Nullable Signatory signatory(@Nullable Signatory s, Violations violations) {
        if (s == null) {
            return null;
        }
        String name = violations.requireText("signatory.name", s.name(), 200);
        String email = violations.requireEmail("signatory.email", s.email());
        String title = violations.optionalText("signatory.title", s.title(), 200);
        Boolean authority = violations.require("signatory.authorityToSign", s.authorityToSign());
        return new Signatory(name, email == null ? null : email.toLowerCase(Locale.ROOT), title, authority);
    }

    private static @Nullable SupportCapability supportCapability(@Nullable SupportCapability s, Violations violations) {
        if (s == null) {
            return null;
        }
        Boolean firstLevel = violations.require("supportCapability.firstLevelSupport", s.firstLevelSupport());
        String email = violations.optionalText("supportCapability.contactEmail", s.contactEmail(), 254);
        if (email != null && !Violations.isEmail(email)) {
            violations.add("supportCapability.contactEmail", "INVALID_EMAIL", email);
        }
        return new SupportCapability(firstLevel, email == null ? null : email.toLowerCase(Locale.ROOT));
    }

    private static @Nullable BillingInfrastructure billing(@Nullable BillingInfrastructure b, Violations violations) {
        if (b == null) {
            return null;
        }
        Boolean inPlace = violations.require("billingInfrastructure.inPlace", b.inPlace());
        String description = violations.optionalText("billingInfrastructure.description", b.description(), 1000);
        return new BillingInfrastructure(inPlace, description);
    }

    private static List<ManagedService> services(@Nullable List<ManagedService> services, Violations violations) {
        if (services == null) {
            return List.of();
        }
        if (services.size() > 50) {
            violations.add("managedServices", "TOO_MANY", 50);
        }
        List<ManagedService> valid = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            ManagedService service = services.get(i);
            String at = "managedServices[" + i + "]";
            if (service == null) {
                violations.add(at, "REQUIRED");
                continue;
            }
            String name = violations.requireText(at + ".name", service.name(), 200);
            ServiceKind kind = violations.require(at + ".kind", service.kind());
            valid.add(new ManagedService(name, kind));
        }
        return valid;
    }

    private static @Nullable LocalDate notInFuture(@Nullable LocalDate date, LocalDate today, Violations violations) {
        if (date != null && date.isAfter(today)) {
            violations.add("indirectResellerSince", "DATE_IN_FUTURE", date.toString());
        }
        return date;
    }

    private static List<String> designations(@Nullable List<String> designations, Violations violations) {
        if (designations == null) {
            return List.of();
        }
        if (designations.size() > 20) {
            violations.add("designations", "TOO_MANY", 20);
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < designations.size(); i++) {
            String designation = violations.requireText("designations[" + i + "]", designations.get(i), 100);
            if (designation != null) {
                unique.add(designation);
            }
        }
        return List.copyOf(unique);
    }
}
