package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.partner.domain.PartnerTest.violationsOf;

import java.time.Instant;
import org.directbill.shared.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A partner location account and its location ID: 5 to 10 digits (domain.md, "Account structure"). */
class LocationTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final PartnerId PARTNER = PartnerId.random();

    static Location.Registration registration(String locationId) {
        return new Location.Registration(locationId, "FR", MembershipStatus.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "123456", "1234567890", "0000000000", "00000"})
    void a_location_id_has_five_to_ten_digits(String locationId) {
        assertThat(Location.isLocationId(locationId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1234",
                "12345678901",
                "12a45",
                "-1234",
                "12 345",
                "+12345",
                "1234.5",
                "\u0661\u0662\u0663\u0664\u0665"
            })
    void anything_else_is_not_a_location_id(String text) {
        assertThat(Location.isLocationId(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567890"})
    void the_shortest_and_longest_location_ids_register(String locationId) {
        Location location = Location.register(registration(locationId), PARTNER, NOW);

        assertThat(location.locationId()).isEqualTo(locationId);
        assertThat(location.partnerId()).isEqualTo(PARTNER);
        assertThat(location.country()).isEqualTo("FR");
        assertThat(location.membershipStatus()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(location.createdAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "12a45"})
    void a_malformed_location_id_is_refused_with_the_id_as_typed(String locationId) {
        assertThat(violationsOf(() -> Location.register(registration(locationId), PARTNER, NOW)))
                .containsExactly(Violation.of("locationId", "INVALID_LOCATION_ID", locationId));
    }

    @Test
    void an_eleven_digit_location_id_is_refused_with_one_clear_error() {
        assertThat(violationsOf(() -> Location.register(registration("12345678901"), PARTNER, NOW)))
                .containsExactly(Violation.of("locationId", "INVALID_LOCATION_ID", "12345678901"));
    }

    @Test
    void surrounding_spaces_are_stripped_from_the_location_id() {
        assertThat(Location.register(registration("  12345 "), PARTNER, NOW).locationId())
                .isEqualTo("12345");
    }

    @Test
    void the_country_is_case_insensitive_and_stored_upper_case() {
        Location location =
                Location.register(new Location.Registration("12345", "de", MembershipStatus.PENDING), PARTNER, NOW);

        assertThat(location.country()).isEqualTo("DE");
    }

    @Test
    void an_unknown_country_is_refused() {
        assertThat(violationsOf(() -> Location.register(
                        new Location.Registration("12345", "QQ", MembershipStatus.ACTIVE), PARTNER, NOW)))
                .containsExactly(Violation.of("country", "INVALID_COUNTRY", "QQ"));
    }

    @Test
    void every_missing_value_is_reported_at_once() {
        assertThat(violationsOf(() -> Location.register(new Location.Registration(null, " ", null), PARTNER, NOW)))
                .containsExactly(
                        Violation.of("locationId", "REQUIRED"),
                        Violation.of("country", "REQUIRED"),
                        Violation.of("membershipStatus", "REQUIRED"));
    }

    @Test
    void a_bad_id_and_a_bad_country_are_reported_together() {
        assertThat(violationsOf(() -> Location.register(
                        new Location.Registration("12a45", "zz", MembershipStatus.ACTIVE), PARTNER, NOW)))
                .containsExactly(
                        Violation.of("locationId", "INVALID_LOCATION_ID", "12a45"),
                        Violation.of("country", "INVALID_COUNTRY", "zz"));
    }

    @ParameterizedTest
    @EnumSource(MembershipStatus.class)
    void only_an_active_membership_is_active(MembershipStatus status) {
        Location location = Location.register(new Location.Registration("12345", "FR", status), PARTNER, NOW);

        assertThat(location.isActive()).isEqualTo(status == MembershipStatus.ACTIVE);
    }

    @Test
    void changing_the_membership_status_keeps_everything_else() {
        Location location = Location.register(registration("12345"), PARTNER, NOW);

        Location suspended = location.withMembershipStatus(MembershipStatus.SUSPENDED);

        assertThat(suspended.membershipStatus()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(suspended)
                .usingRecursiveComparison()
                .ignoringFields("membershipStatus")
                .isEqualTo(location);
        assertThat(location.membershipStatus()).isEqualTo(MembershipStatus.ACTIVE);
    }
}
