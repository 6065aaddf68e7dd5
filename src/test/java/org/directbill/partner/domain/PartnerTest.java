package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registering a partner global account (domain.md, "Account structure"). */
class PartnerTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final PartnerId ID = PartnerId.random();

    static final Address ADDRESS = new Address("1 rue de la Paix", "Paris", "75002", "FR");
    static final Contact CONTACT = new Contact("Jane Doe", "jane.doe@example.com");

    static Partner.Registration registration(String country, String registrationId) {
        return new Partner.Registration("Contoso SAS", country, registrationId, ADDRESS, CONTACT);
    }

    static List<Violation> violationsOf(ThrowingCallable call) {
        InvalidInput invalid = catchThrowableOfType(InvalidInput.class, call);
        assertThat(invalid).as("an InvalidInput is thrown").isNotNull();
        return invalid.violations();
    }

    @Test
    void a_valid_registration_keeps_every_value_with_the_given_id_and_time() {
        Partner partner = Partner.register(registration("FR", null), ID, NOW);

        assertThat(partner.id()).isEqualTo(ID);
        assertThat(partner.legalName()).isEqualTo("Contoso SAS");
        assertThat(partner.country()).isEqualTo("FR");
        assertThat(partner.registrationId()).isNull();
        assertThat(partner.address()).isEqualTo(ADDRESS);
        assertThat(partner.primaryContact()).isEqualTo(CONTACT);
        assertThat(partner.createdAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA", "SS", "TJ",
                "TH", "TR", "UA", "AE", "UZ", "VE", "VN"
            })
    void a_registration_id_is_mandatory_in_each_of_the_24_listed_countries(String country) {
        assertThat(violationsOf(() -> Partner.register(registration(country, null), ID, NOW)))
                .containsExactly(Violation.of("registrationId", "REGISTRATION_ID_REQUIRED", country));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA", "SS", "TJ",
                "TH", "TR", "UA", "AE", "UZ", "VE", "VN"
            })
    void a_partner_in_a_listed_country_registers_with_its_registration_id(String country) {
        Partner partner = Partner.register(registration(country, " 1234567890 "), ID, NOW);

        assertThat(partner.country()).isEqualTo(country);
        assertThat(partner.registrationId()).isEqualTo("1234567890");
    }

    @Test
    void a_registration_id_is_mandatory_in_poland() {
        assertThat(violationsOf(() -> Partner.register(registration("PL", null), ID, NOW)))
                .containsExactly(Violation.of("registrationId", "REGISTRATION_ID_REQUIRED", "PL"));
    }

    @Test
    void a_blank_registration_id_counts_as_missing() {
        assertThat(violationsOf(() -> Partner.register(registration("PL", "   "), ID, NOW)))
                .containsExactly(Violation.of("registrationId", "REGISTRATION_ID_REQUIRED", "PL"));
    }

    @Test
    void a_lower_case_country_still_requires_a_registration_id() {
        assertThat(violationsOf(() -> Partner.register(registration("pl", null), ID, NOW)))
                .containsExactly(Violation.of("registrationId", "REGISTRATION_ID_REQUIRED", "PL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", "US", "DE", "GB", "CA", "JP"})
    void a_registration_id_is_optional_elsewhere(String country) {
        Partner partner = Partner.register(registration(country, null), ID, NOW);

        assertThat(partner.country()).isEqualTo(country);
        assertThat(partner.registrationId()).isNull();
    }

    @Test
    void an_optional_registration_id_given_anyway_is_kept_stripped() {
        Partner partner = Partner.register(registration("US", "  12-3456789 "), ID, NOW);

        assertThat(partner.registrationId()).isEqualTo("12-3456789");
    }

    @Test
    void a_blank_optional_registration_id_is_stored_as_absent() {
        assertThat(Partner.register(registration("FR", "  "), ID, NOW).registrationId())
                .isNull();
    }

    @Test
    void a_registration_id_has_at_most_64_characters() {
        assertThat(Partner.register(registration("PL", "9".repeat(64)), ID, NOW).registrationId())
                .hasSize(64);
        assertThat(violationsOf(() -> Partner.register(registration("PL", "9".repeat(65)), ID, NOW)))
                .containsExactly(Violation.of("registrationId", "TOO_LONG", 64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "Fr", "fR", " fr "})
    void country_codes_are_case_insensitive_and_stored_upper_case(String country) {
        Partner partner = Partner.register(
                new Partner.Registration(
                        "Contoso", country, null, new Address("1 Main St", "Lyon", "69001", country), CONTACT),
                ID,
                NOW);

        assertThat(partner.country()).isEqualTo("FR");
        assertThat(partner.address().country()).isEqualTo("FR");
    }

    @Test
    void an_unknown_country_is_refused_with_the_code_as_typed() {
        assertThat(violationsOf(() -> Partner.register(registration("zz", null), ID, NOW)))
                .containsExactly(Violation.of("country", "INVALID_COUNTRY", "zz"));
    }

    @Test
    void a_three_letter_country_code_is_refused_with_one_clear_error() {
        assertThat(violationsOf(() -> Partner.register(registration("FRA", null), ID, NOW)))
                .containsExactly(Violation.of("country", "INVALID_COUNTRY", "FRA"));
    }

    @Test
    void an_unknown_country_does_not_also_claim_a_registration_id_is_required() {
        assertThat(violationsOf(() -> Partner.register(registration("XX", null), ID, NOW)))
                .extracting(Violation::code)
                .doesNotContain("REGISTRATION_ID_REQUIRED");
    }

    @Test
    void an_empty_registration_reports_every_missing_part() {
        assertThat(violationsOf(
                        () -> Partner.register(new Partner.Registration(null, null, null, null, null), ID, NOW)))
                .containsExactly(
                        Violation.of("legalName", "REQUIRED"),
                        Violation.of("country", "REQUIRED"),
                        Violation.of("address", "REQUIRED"),
                        Violation.of("primaryContact", "REQUIRED"));
    }

    @Test
    void every_violation_is_reported_at_once_with_its_field_path() {
        Partner.Registration input = new Partner.Registration(
                "x".repeat(201), "pl", null, new Address(" ", null, "", "zz"), new Contact(null, "not-an-email"));

        assertThat(violationsOf(() -> Partner.register(input, ID, NOW)))
                .containsExactly(
                        Violation.of("legalName", "TOO_LONG", 200),
                        Violation.of("registrationId", "REGISTRATION_ID_REQUIRED", "PL"),
                        Violation.of("address.line1", "REQUIRED"),
                        Violation.of("address.city", "REQUIRED"),
                        Violation.of("address.postalCode", "REQUIRED"),
                        Violation.of("address.country", "INVALID_COUNTRY", "zz"),
                        Violation.of("primaryContact.name", "REQUIRED"),
                        Violation.of("primaryContact.email", "INVALID_EMAIL", "not-an-email"));
    }

    @Test
    void the_address_fields_have_maximum_lengths() {
        Partner.Registration input = new Partner.Registration(
                "Contoso", "FR", null, new Address("l".repeat(201), "c".repeat(101), "p".repeat(21), "FR"), CONTACT);

        assertThat(violationsOf(() -> Partner.register(input, ID, NOW)))
                .containsExactly(
                        Violation.of("address.line1", "TOO_LONG", 200),
                        Violation.of("address.city", "TOO_LONG", 100),
                        Violation.of("address.postalCode", "TOO_LONG", 20));
    }

    @Test
    void the_address_country_is_mandatory() {
        Partner.Registration input = new Partner.Registration(
                "Contoso", "FR", null, new Address("1 Main St", "Lyon", "69001", null), CONTACT);

        assertThat(violationsOf(() -> Partner.register(input, ID, NOW)))
                .containsExactly(Violation.of("address.country", "REQUIRED"));
    }

    @Test
    void the_address_and_legal_name_are_stored_stripped() {
        Partner partner = Partner.register(
                new Partner.Registration(
                        "  Contoso SAS ", "FR", null, new Address(" 1 Main St ", " Lyon ", " 69001 ", "fr"), CONTACT),
                ID,
                NOW);

        assertThat(partner.legalName()).isEqualTo("Contoso SAS");
        assertThat(partner.address()).isEqualTo(new Address("1 Main St", "Lyon", "69001", "FR"));
    }

    @Test
    void the_primary_contact_email_is_lower_cased_and_stripped() {
        Partner partner = Partner.register(
                new Partner.Registration(
                        "Contoso", "FR", null, ADDRESS, new Contact(" Jane Doe ", "  Jane.DOE@Example.COM ")),
                ID,
                NOW);

        assertThat(partner.primaryContact()).isEqualTo(new Contact("Jane Doe", "jane.doe@example.com"));
    }

    @Test
    void the_primary_contact_needs_a_name_and_an_email() {
        Partner.Registration input = new Partner.Registration("Contoso", "FR", null, ADDRESS, new Contact("  ", null));

        assertThat(violationsOf(() -> Partner.register(input, ID, NOW)))
                .containsExactly(
                        Violation.of("primaryContact.name", "REQUIRED"),
                        Violation.of("primaryContact.email", "REQUIRED"));
    }
}
