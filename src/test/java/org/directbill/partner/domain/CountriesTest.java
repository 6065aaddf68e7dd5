package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO 3166-1 alpha-2 codes and the countries requiring a registration ID (domain.md). */
class CountriesTest {

    @Test
    void exactly_the_24_countries_of_the_domain_require_a_registration_id() {
        assertThat(Countries.requiringRegistrationId())
                .containsExactlyInAnyOrder(
                        "AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA", "SS",
                        "TJ", "TH", "TR", "UA", "AE", "UZ", "VE", "VN");
    }

    @Test
    void every_country_requiring_a_registration_id_is_a_known_iso_code() {
        assertThat(Countries.requiringRegistrationId())
                .allSatisfy(
                        code -> assertThat(Countries.isIsoCode(code)).as(code).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", "US", "DE", "GB", "CH", "CN"})
    void other_countries_do_not_require_a_registration_id(String country) {
        assertThat(Countries.requiresRegistrationId(country)).isFalse();
    }

    @Test
    void poland_and_south_sudan_require_a_registration_id() {
        assertThat(Countries.requiresRegistrationId("PL")).isTrue();
        assertThat(Countries.requiresRegistrationId("SS")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", "US", "PL", "SS", "VN", "AE"})
    void upper_case_alpha_2_codes_are_iso_codes(String code) {
        assertThat(Countries.isIsoCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "F", "fr", "FRA", "XX", "ZZ", "EU", "12"})
    void anything_else_is_not_an_iso_code(String code) {
        assertThat(Countries.isIsoCode(code)).isFalse();
    }
}
