package org.directbill.partner.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.FactStatus;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.PartnerProfile.BillingInfrastructure;
import org.directbill.partner.domain.PartnerProfile.ManagedService;
import org.directbill.partner.domain.PartnerProfile.Signatory;
import org.directbill.partner.domain.PartnerProfile.SupportCapability;
import org.directbill.partner.domain.ProfileField;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The profile facts: {@code PATCH} changes only the fields it names (a field set to null is
 * cleared), and answers the whole profile.
 */
@RestController
@RequestMapping("/api/v1/partners/{id}/profile")
class ProfileController {

    private final PartnerDirectory directory;
    private final JsonMapper json;

    ProfileController(PartnerDirectory directory, JsonMapper json) {
        this.directory = directory;
        this.json = json;
    }

    /** Every field of the profile, as both the request and the answer spell them. */
    record ProfileBody(
            @Nullable Signatory signatory,
            @Nullable SupportCapability supportCapability,
            @Nullable BillingInfrastructure billingInfrastructure,
            @Nullable List<ManagedService> managedServices,
            @Nullable LocalDate indirectResellerSince,
            @Nullable FactStatus businessVetting,
            @Nullable FactStatus operationalAssessment,
            @Nullable Boolean securityScoreMandatoryComplete,
            @Nullable List<String> designations) {}

    record ProfileResponse(
            String partnerId,
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

        static ProfileResponse of(PartnerProfile p) {
            return new ProfileResponse(
                    p.partnerId().toString(),
                    p.signatory(),
                    p.supportCapability(),
                    p.billingInfrastructure(),
                    p.managedServices(),
                    p.indirectResellerSince(),
                    p.businessVetting(),
                    p.operationalAssessment(),
                    p.securityScoreMandatoryComplete(),
                    p.designations(),
                    p.updatedAt());
        }
    }

    @GetMapping
    ProfileResponse get(@PathVariable String id) {
        return ProfileResponse.of(directory.profile(PartnerController.partnerId(id)));
    }

    @PatchMapping
    ProfileResponse patch(@PathVariable String id, @RequestBody JsonNode body) {
        var partnerId = PartnerController.partnerId(id);
        return ProfileResponse.of(directory.updateProfile(partnerId, change(body, partnerId)));
    }

    private PartnerProfile.Change change(JsonNode body, org.directbill.partner.domain.PartnerId partnerId) {
        if (!body.isObject()) {
            throw new InvalidInput(List.of(Violation.of("$", "JSON_OBJECT_EXPECTED")));
        }
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        List<Violation> unknown = new ArrayList<>();
        for (String name : body.propertyNames()) {
            ProfileField field = fieldNamed(name);
            if (field == null) {
                unknown.add(Violation.of(name, "UNKNOWN_FIELD"));
            } else {
                fields.add(field);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown);
        }
        ProfileBody values = json.treeToValue(body, ProfileBody.class);
        return new PartnerProfile.Change(
                fields,
                new PartnerProfile(
                        partnerId,
                        values.signatory(),
                        values.supportCapability(),
                        values.billingInfrastructure(),
                        values.managedServices() == null ? List.of() : nonNull(values.managedServices()),
                        values.indirectResellerSince(),
                        values.businessVetting(),
                        values.operationalAssessment(),
                        values.securityScoreMandatoryComplete(),
                        values.designations() == null ? List.of() : nonNull(values.designations()),
                        null));
    }

    /** Keeps null entries out of the immutable list; the domain reports each position it rejects. */
    private static <T> List<T> nonNull(List<T> items) {
        return new ArrayList<>(items);
    }

    private static @Nullable ProfileField fieldNamed(String name) {
        for (ProfileField field : ProfileField.values()) {
            if (field.jsonName().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
