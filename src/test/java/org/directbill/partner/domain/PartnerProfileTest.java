package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.directbill.partner.domain.PartnerTest.violationsOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.directbill.partner.domain.PartnerProfile.BillingInfrastructure;
import org.directbill.partner.domain.PartnerProfile.Change;
import org.directbill.partner.domain.PartnerProfile.ManagedService;
import org.directbill.partner.domain.PartnerProfile.ServiceKind;
import org.directbill.partner.domain.PartnerProfile.Signatory;
import org.directbill.partner.domain.PartnerProfile.SupportCapability;
import org.directbill.shared.problem.Forbidden;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Partial updates of the profile facts, and who may set which (api.md, PATCH /partners/{id}/profile). */
class PartnerProfileTest {

    static final PartnerId PARTNER = PartnerId.random();
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");

    static final Set<ProfileField> DECLARED = EnumSet.of(
            ProfileField.SIGNATORY,
            ProfileField.SUPPORT_CAPABILITY,
            ProfileField.BILLING_INFRASTRUCTURE,
            ProfileField.MANAGED_SERVICES);
    static final Set<ProfileField> EVERYTHING = EnumSet.allOf(ProfileField.class);

    static final Signatory SIGNATORY = new Signatory("Jane Doe", "jane@example.com", "CEO", true);
    static final SupportCapability SUPPORT = new SupportCapability(true, "support@example.com");
    static final BillingInfrastructure BILLING = new BillingInfrastructure(true, "SAP");
    static final ManagedService SERVICE = new ManagedService("Backup", ServiceKind.MANAGED_SERVICE);

    /** A profile with every fact set. */
    static PartnerProfile full() {
        return new PartnerProfile(
                PARTNER,
                SIGNATORY,
                SUPPORT,
                BILLING,
                List.of(SERVICE),
                LocalDate.of(2020, 1, 15),
                FactStatus.PASSED,
                FactStatus.PENDING,
                true,
                List.of("Azure"),
                EARLIER);
    }

    /** Values carrying only what a test sets; the rest is empty. */
    static PartnerProfile values() {
        return PartnerProfile.empty(PARTNER);
    }

    static PartnerProfile values(
            @Nullable Signatory signatory,
            @Nullable SupportCapability support,
            @Nullable BillingInfrastructure billing,
            List<ManagedService> services,
            @Nullable LocalDate indirectResellerSince,
            List<String> designations) {
        return new PartnerProfile(
                PARTNER,
                signatory,
                support,
                billing,
                services,
                indirectResellerSince,
                null,
                null,
                null,
                designations,
                null);
    }

    static Change change(PartnerProfile values, ProfileField... fields) {
        return new Change(fields.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(fields)), values);
    }

    static PartnerProfile withSignatory(@Nullable Signatory signatory) {
        return values(signatory, null, null, List.of(), null, List.of());
    }

    static PartnerProfile withServices(List<ManagedService> services) {
        return values(null, null, null, services, null, List.of());
    }

    static PartnerProfile withDesignations(List<String> designations) {
        return values(null, null, null, List.of(), null, designations);
    }

    @Test
    void an_empty_profile_has_no_facts() {
        PartnerProfile empty = PartnerProfile.empty(PARTNER);

        assertThat(empty.partnerId()).isEqualTo(PARTNER);
        assertThat(empty.signatory()).isNull();
        assertThat(empty.supportCapability()).isNull();
        assertThat(empty.billingInfrastructure()).isNull();
        assertThat(empty.managedServices()).isEmpty();
        assertThat(empty.indirectResellerSince()).isNull();
        assertThat(empty.businessVetting()).isNull();
        assertThat(empty.operationalAssessment()).isNull();
        assertThat(empty.securityScoreMandatoryComplete()).isNull();
        assertThat(empty.designations()).isEmpty();
        assertThat(empty.updatedAt()).isNull();
    }

    @Test
    void a_partner_may_set_its_declared_facts() {
        PartnerProfile values = values(SIGNATORY, SUPPORT, BILLING, List.of(SERVICE), null, List.of());
        Change change = change(
                values,
                ProfileField.SIGNATORY,
                ProfileField.SUPPORT_CAPABILITY,
                ProfileField.BILLING_INFRASTRUCTURE,
                ProfileField.MANAGED_SERVICES);

        PartnerProfile next = PartnerProfile.empty(PARTNER).apply(change, DECLARED, TODAY, NOW);

        assertThat(next.signatory()).isEqualTo(SIGNATORY);
        assertThat(next.supportCapability()).isEqualTo(SUPPORT);
        assertThat(next.billingInfrastructure()).isEqualTo(BILLING);
        assertThat(next.managedServices()).containsExactly(SERVICE);
        assertThat(next.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void a_field_that_is_not_editable_is_refused_as_forbidden() {
        PartnerProfile values = values();
        Change change = change(values, ProfileField.SIGNATORY, ProfileField.BUSINESS_VETTING);

        Forbidden forbidden = catchThrowableOfType(Forbidden.class, () -> full().apply(change, DECLARED, TODAY, NOW));

        assertThat(forbidden).isNotNull();
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("FIELD_NOT_EDITABLE");
        assertThat(forbidden.arguments()).containsExactly("businessVetting");
    }

    @Test
    void every_non_editable_field_is_named_in_alphabetical_order() {
        Change change = change(
                values(),
                ProfileField.SECURITY_SCORE_MANDATORY_COMPLETE,
                ProfileField.DESIGNATIONS,
                ProfileField.INDIRECT_RESELLER_SINCE,
                ProfileField.BUSINESS_VETTING,
                ProfileField.OPERATIONAL_ASSESSMENT);

        Forbidden forbidden = catchThrowableOfType(Forbidden.class, () -> full().apply(change, DECLARED, TODAY, NOW));

        assertThat(forbidden.arguments())
                .containsExactly(
                        "businessVetting, designations, indirectResellerSince, operationalAssessment, securityScoreMandatoryComplete");
    }

    @Test
    void a_non_editable_field_is_refused_before_any_value_is_validated() {
        // Both the signatory and the date are invalid, but the forbidden field wins: 403, not 400.
        PartnerProfile invalid = values(
                new Signatory(null, "not-an-email", null, null), null, null, List.of(), TODAY.plusDays(1), List.of());
        Change change = change(invalid, ProfileField.SIGNATORY, ProfileField.INDIRECT_RESELLER_SINCE);

        Forbidden forbidden = catchThrowableOfType(Forbidden.class, () -> full().apply(change, DECLARED, TODAY, NOW));

        assertThat(forbidden).isNotNull();
        assertThat(forbidden.code()).isEqualTo("FIELD_NOT_EDITABLE");
        assertThat(forbidden.arguments()).containsExactly("indirectResellerSince");
    }

    @Test
    void staff_may_set_the_program_facts() {
        PartnerProfile values = new PartnerProfile(
                PARTNER,
                null,
                null,
                null,
                List.of(),
                LocalDate.of(2024, 5, 1),
                FactStatus.FAILED,
                FactStatus.PASSED,
                false,
                List.of("Security", "Azure"),
                null);
        Change change = change(
                values,
                ProfileField.INDIRECT_RESELLER_SINCE,
                ProfileField.BUSINESS_VETTING,
                ProfileField.OPERATIONAL_ASSESSMENT,
                ProfileField.SECURITY_SCORE_MANDATORY_COMPLETE,
                ProfileField.DESIGNATIONS);

        PartnerProfile next = full().apply(change, EVERYTHING, TODAY, NOW);

        assertThat(next.indirectResellerSince()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(next.businessVetting()).isEqualTo(FactStatus.FAILED);
        assertThat(next.operationalAssessment()).isEqualTo(FactStatus.PASSED);
        assertThat(next.securityScoreMandatoryComplete()).isFalse();
        assertThat(next.designations()).containsExactly("Security", "Azure");
        assertThat(next.signatory()).isEqualTo(SIGNATORY);
    }

    @Test
    void fields_the_change_does_not_name_are_kept() {
        PartnerProfile before = full();
        Change change = change(
                values(null, new SupportCapability(false, null), null, List.of(), null, List.of()),
                ProfileField.SUPPORT_CAPABILITY);

        PartnerProfile next = before.apply(change, EVERYTHING, TODAY, NOW);

        assertThat(next.supportCapability()).isEqualTo(new SupportCapability(false, null));
        assertThat(next)
                .usingRecursiveComparison()
                .ignoringFields("supportCapability", "updatedAt")
                .isEqualTo(before);
        assertThat(next.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void a_named_field_with_a_null_value_is_cleared() {
        PartnerProfile before = full();
        Change change = change(
                values(),
                ProfileField.SIGNATORY,
                ProfileField.BILLING_INFRASTRUCTURE,
                ProfileField.INDIRECT_RESELLER_SINCE,
                ProfileField.BUSINESS_VETTING,
                ProfileField.SECURITY_SCORE_MANDATORY_COMPLETE);

        PartnerProfile next = before.apply(change, EVERYTHING, TODAY, NOW);

        assertThat(next.signatory()).isNull();
        assertThat(next.billingInfrastructure()).isNull();
        assertThat(next.indirectResellerSince()).isNull();
        assertThat(next.businessVetting()).isNull();
        assertThat(next.securityScoreMandatoryComplete()).isNull();
        assertThat(next.supportCapability()).isEqualTo(SUPPORT);
        assertThat(next.operationalAssessment()).isEqualTo(FactStatus.PENDING);
    }

    @Test
    void a_named_empty_list_clears_the_services_and_designations() {
        Change change = change(values(), ProfileField.MANAGED_SERVICES, ProfileField.DESIGNATIONS);

        PartnerProfile next = full().apply(change, EVERYTHING, TODAY, NOW);

        assertThat(next.managedServices()).isEmpty();
        assertThat(next.designations()).isEmpty();
    }

    @Test
    void applying_a_change_leaves_the_original_profile_untouched() {
        PartnerProfile before = full();

        before.apply(change(values(), ProfileField.SIGNATORY), EVERYTHING, TODAY, NOW);

        assertThat(before).isEqualTo(full());
    }

    @Test
    void the_signatory_email_is_lower_cased_and_its_text_stripped() {
        Change change = change(
                withSignatory(new Signatory(" Jane Doe ", " Jane@Example.COM ", "  ", false)), ProfileField.SIGNATORY);

        PartnerProfile next = PartnerProfile.empty(PARTNER).apply(change, DECLARED, TODAY, NOW);

        assertThat(next.signatory()).isEqualTo(new Signatory("Jane Doe", "jane@example.com", null, false));
    }

    @Test
    void a_signatory_needs_a_name_an_email_and_an_authority_to_sign() {
        Change change = change(withSignatory(new Signatory(null, null, null, null)), ProfileField.SIGNATORY);

        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER).apply(change, DECLARED, TODAY, NOW)))
                .containsExactly(
                        Violation.of("signatory.name", "REQUIRED"),
                        Violation.of("signatory.email", "REQUIRED"),
                        Violation.of("signatory.authorityToSign", "REQUIRED"));
    }

    @Test
    void the_support_capability_needs_first_level_support_and_a_valid_contact_email() {
        Change change = change(
                values(null, new SupportCapability(null, "nope"), null, List.of(), null, List.of()),
                ProfileField.SUPPORT_CAPABILITY);

        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER).apply(change, DECLARED, TODAY, NOW)))
                .containsExactly(
                        Violation.of("supportCapability.firstLevelSupport", "REQUIRED"),
                        Violation.of("supportCapability.contactEmail", "INVALID_EMAIL", "nope"));
    }

    @Test
    void the_support_contact_email_is_kept_in_lower_case_like_every_other_email() {
        Change change = change(
                values(null, new SupportCapability(true, "Help@Contoso.Example"), null, List.of(), null, List.of()),
                ProfileField.SUPPORT_CAPABILITY);

        assertThat(PartnerProfile.empty(PARTNER)
                        .apply(change, DECLARED, TODAY, NOW)
                        .supportCapability()
                        .contactEmail())
                .isEqualTo("help@contoso.example");
    }

    @Test
    void the_billing_infrastructure_needs_in_place_and_a_description_of_at_most_1000_characters() {
        Change change = change(
                values(null, null, new BillingInfrastructure(null, "d".repeat(1001)), List.of(), null, List.of()),
                ProfileField.BILLING_INFRASTRUCTURE);

        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER).apply(change, DECLARED, TODAY, NOW)))
                .containsExactly(
                        Violation.of("billingInfrastructure.inPlace", "REQUIRED"),
                        Violation.of("billingInfrastructure.description", "TOO_LONG", 1000));
    }

    @Test
    void designations_are_stripped_and_deduplicated_keeping_their_first_order() {
        Change change = change(
                withDesignations(List.of("Azure", " Security ", "Azure ", "Security")), ProfileField.DESIGNATIONS);

        PartnerProfile next = PartnerProfile.empty(PARTNER).apply(change, EVERYTHING, TODAY, NOW);

        assertThat(next.designations()).containsExactly("Azure", "Security");
    }

    @Test
    void a_null_or_blank_designation_is_reported_by_position() {
        Change change = change(withDesignations(Arrays.asList("Azure", null, " ")), ProfileField.DESIGNATIONS);

        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER).apply(change, EVERYTHING, TODAY, NOW)))
                .containsExactly(
                        Violation.of("designations[1]", "REQUIRED"), Violation.of("designations[2]", "REQUIRED"));
    }

    @Test
    void at_most_20_designations() {
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "D" + i).toList();
        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "D" + i).toList();

        assertThat(PartnerProfile.empty(PARTNER)
                        .apply(change(withDesignations(twenty), ProfileField.DESIGNATIONS), EVERYTHING, TODAY, NOW)
                        .designations())
                .hasSize(20);
        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER)
                        .apply(change(withDesignations(twentyOne), ProfileField.DESIGNATIONS), EVERYTHING, TODAY, NOW)))
                .containsExactly(Violation.of("designations", "TOO_MANY", 20));
    }

    @Test
    void a_null_managed_service_is_reported_by_position() {
        Change change = change(withServices(Arrays.asList(SERVICE, null)), ProfileField.MANAGED_SERVICES);

        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER).apply(change, DECLARED, TODAY, NOW)))
                .containsExactly(Violation.of("managedServices[1]", "REQUIRED"));
    }

    @Test
    void each_managed_service_needs_a_name_and_a_kind_reported_by_position() {
        Change change = change(
                withServices(Arrays.asList(SERVICE, null, new ManagedService("  ", null))),
                ProfileField.MANAGED_SERVICES);

        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER).apply(change, DECLARED, TODAY, NOW)))
                .containsExactly(
                        Violation.of("managedServices[1]", "REQUIRED"),
                        Violation.of("managedServices[2].name", "REQUIRED"),
                        Violation.of("managedServices[2].kind", "REQUIRED"));
    }

    @Test
    void managed_service_names_are_stripped() {
        Change change = change(
                withServices(List.of(new ManagedService(" Backup ", ServiceKind.IP_SERVICE))),
                ProfileField.MANAGED_SERVICES);

        assertThat(PartnerProfile.empty(PARTNER)
                        .apply(change, DECLARED, TODAY, NOW)
                        .managedServices())
                .containsExactly(new ManagedService("Backup", ServiceKind.IP_SERVICE));
    }

    @Test
    void at_most_50_managed_services() {
        List<ManagedService> fifty = Collections.nCopies(50, SERVICE);
        List<ManagedService> fiftyOne = Collections.nCopies(51, SERVICE);

        assertThat(PartnerProfile.empty(PARTNER)
                        .apply(change(withServices(fifty), ProfileField.MANAGED_SERVICES), DECLARED, TODAY, NOW)
                        .managedServices())
                .hasSize(50);
        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER)
                        .apply(change(withServices(fiftyOne), ProfileField.MANAGED_SERVICES), DECLARED, TODAY, NOW)))
                .containsExactly(Violation.of("managedServices", "TOO_MANY", 50));
    }

    @Test
    void indirect_reseller_since_may_be_today() {
        Change change =
                change(values(null, null, null, List.of(), TODAY, List.of()), ProfileField.INDIRECT_RESELLER_SINCE);

        assertThat(PartnerProfile.empty(PARTNER)
                        .apply(change, EVERYTHING, TODAY, NOW)
                        .indirectResellerSince())
                .isEqualTo(TODAY);
    }

    @Test
    void indirect_reseller_since_in_the_future_is_refused() {
        LocalDate tomorrow = TODAY.plusDays(1);
        Change change =
                change(values(null, null, null, List.of(), tomorrow, List.of()), ProfileField.INDIRECT_RESELLER_SINCE);

        assertThat(violationsOf(() -> PartnerProfile.empty(PARTNER).apply(change, EVERYTHING, TODAY, NOW)))
                .containsExactly(Violation.of("indirectResellerSince", "DATE_IN_FUTURE", "2026-03-03"));
    }

    @Test
    void every_violation_across_fields_is_reported_at_once() {
        PartnerProfile values = values(
                new Signatory("Jane", "bad", null, true),
                new SupportCapability(null, null),
                null,
                Arrays.asList((ManagedService) null),
                TODAY.plusDays(10),
                Arrays.asList("", "Azure"));
        Change change = change(
                values,
                ProfileField.SIGNATORY,
                ProfileField.SUPPORT_CAPABILITY,
                ProfileField.MANAGED_SERVICES,
                ProfileField.INDIRECT_RESELLER_SINCE,
                ProfileField.DESIGNATIONS);

        assertThat(violationsOf(() -> full().apply(change, EVERYTHING, TODAY, NOW)))
                .containsExactly(
                        Violation.of("signatory.email", "INVALID_EMAIL", "bad"),
                        Violation.of("supportCapability.firstLevelSupport", "REQUIRED"),
                        Violation.of("managedServices[0]", "REQUIRED"),
                        Violation.of("indirectResellerSince", "DATE_IN_FUTURE", "2026-03-12"),
                        Violation.of("designations[0]", "REQUIRED"));
    }

    @Test
    void a_profile_keeps_its_own_copy_of_its_lists_and_may_hold_null_entries() {
        List<String> designations = new ArrayList<>(Arrays.asList("Azure", null));

        PartnerProfile profile = withDesignations(designations);
        designations.add("Security");

        assertThat(profile.designations()).containsExactly("Azure", null);
    }
}
