package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.directbill.partner.domain.PartnerTest.violationsOf;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.directbill.shared.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Accounts of partner users, program staff and machines (domain.md, "Who uses the system"). */
class UserAccountTest {

    static final String EMAIL = "someone@example.com";
    static final String PASSWORD = "correct horse battery";

    static UserAccount.Registration partnerUser(String password) {
        return new UserAccount.Registration(EMAIL, "Someone", password, List.of(Role.GLOBAL_ADMIN), "fr");
    }

    static UserAccount.Registration withRoles(Role... roles) {
        return new UserAccount.Registration(EMAIL, "Someone", PASSWORD, Arrays.asList(roles), null);
    }

    static UserAccount.Registration withLocale(String locale) {
        return new UserAccount.Registration(EMAIL, "Someone", PASSWORD, List.of(Role.GLOBAL_ADMIN), locale);
    }

    @Test
    void a_valid_partner_user_keeps_its_values_with_the_email_as_lower_case_username() {
        UserAccount.Valid valid = UserAccount.validatePartnerUser(new UserAccount.Registration(
                "  Some.One@Example.COM ",
                " Some One ",
                PASSWORD,
                List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
                "fr"));

        assertThat(valid.username()).isEqualTo("some.one@example.com");
        assertThat(valid.displayName()).isEqualTo("Some One");
        assertThat(valid.password()).isEqualTo(PASSWORD);
        assertThat(valid.roles()).containsExactlyInAnyOrder(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN);
        assertThat(valid.locale()).isEqualTo("fr");
    }

    @Test
    void without_a_chosen_language_the_browser_decides() {
        assertThat(UserAccount.validatePartnerUser(withLocale(null)).locale()).isNull();
        assertThat(UserAccount.validatePartnerUser(withLocale(" ")).locale()).isNull();
        assertThat(UserAccount.validateStaff(
                                new UserAccount.Registration(EMAIL, "Staff", PASSWORD, List.of(Role.REVIEWER), null))
                        .locale())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", " fr ", "Fr"})
    void the_locale_is_case_insensitive_and_stored_lower_case(String locale) {
        assertThat(UserAccount.validatePartnerUser(withLocale(locale)).locale()).isEqualTo("fr");
    }

    @Test
    void the_locale_refuses_german() {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(withLocale("de"))))
                .containsExactly(Violation.of("locale", "INVALID_LOCALE", "de", "fr, en"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "fr_FR", "english"})
    void the_locale_refuses_anything_but_fr_or_en(String locale) {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(withLocale(locale))))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("locale", "INVALID_LOCALE"));
    }

    @Test
    void a_password_is_mandatory() {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser(null))))
                .containsExactly(Violation.of("password", "REQUIRED"));
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser(""))))
                .containsExactly(Violation.of("password", "REQUIRED"));
    }

    @Test
    void a_password_of_eleven_characters_is_too_short() {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser("a".repeat(11)))))
                .containsExactly(Violation.of("password", "PASSWORD_TOO_SHORT", 12));
    }

    @Test
    void a_password_is_measured_in_characters_not_utf16_units() {
        String sixEmoji = "\uD83D\uDE00".repeat(6);
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser(sixEmoji))))
                .containsExactly(Violation.of("password", "PASSWORD_TOO_SHORT", 12));
    }

    @Test
    void a_password_of_twelve_characters_is_long_enough() {
        assertThat(UserAccount.validatePartnerUser(partnerUser("a".repeat(12))).password())
                .isEqualTo("a".repeat(12));
    }

    @Test
    void a_password_of_72_ascii_bytes_is_accepted() {
        assertThat(UserAccount.validatePartnerUser(partnerUser("a".repeat(72))).password())
                .hasSize(72);
    }

    @Test
    void a_password_over_72_bytes_is_refused() {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser("a".repeat(73)))))
                .containsExactly(Violation.of("password", "PASSWORD_TOO_LONG", 72));
    }

    @Test
    void the_password_limit_counts_utf8_bytes_not_characters() {
        // "é" is two bytes in UTF-8: 36 of them are 72 bytes, 37 are 74 bytes in only 37 characters.
        assertThat(UserAccount.validatePartnerUser(partnerUser("é".repeat(36))).password())
                .isEqualTo("é".repeat(36));
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser("é".repeat(37)))))
                .containsExactly(Violation.of("password", "PASSWORD_TOO_LONG", 72));
        // "€" is three bytes: 25 of them are 75 bytes.
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser("€".repeat(25)))))
                .containsExactly(Violation.of("password", "PASSWORD_TOO_LONG", 72));
    }

    @ParameterizedTest
    @ValueSource(strings = {EMAIL, "SOMEONE@EXAMPLE.COM", "Someone@Example.com"})
    void a_password_equal_to_the_email_is_refused_whatever_its_case(String password) {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(partnerUser(password))))
                .containsExactly(Violation.of("password", "PASSWORD_IS_EMAIL"));
    }

    @Test
    void a_password_equal_to_the_stripped_email_is_refused() {
        UserAccount.Registration input =
                new UserAccount.Registration("  " + EMAIL + " ", "Someone", EMAIL, List.of(Role.GLOBAL_ADMIN), "en");

        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(input)))
                .containsExactly(Violation.of("password", "PASSWORD_IS_EMAIL"));
    }

    @Test
    void a_password_merely_containing_the_email_is_accepted() {
        assertThat(UserAccount.validatePartnerUser(partnerUser(EMAIL + "!")).password())
                .isEqualTo(EMAIL + "!");
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"GLOBAL_ADMIN", "ACCOUNT_ADMIN", "ADMIN_AGENT", "SALES_AGENT", "BILLING_ADMIN", "REPORT_VIEWER"})
    void a_partner_user_may_hold_every_partner_role(Role role) {
        assertThat(UserAccount.validatePartnerUser(withRoles(role)).roles()).containsExactly(role);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PROGRAM_ADMIN", "REVIEWER", "CREDIT_ANALYST", "INTEGRATION"})
    void a_partner_user_refuses_program_and_machine_roles(Role role) {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(withRoles(Role.GLOBAL_ADMIN, role))))
                .containsExactly(Violation.of("roles[1]", "ROLE_NOT_ALLOWED_HERE", role.name()));
    }

    @Test
    void each_refused_role_is_reported_at_its_position() {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(
                        withRoles(Role.PROGRAM_ADMIN, Role.SALES_AGENT, Role.REVIEWER, Role.INTEGRATION))))
                .containsExactly(
                        Violation.of("roles[0]", "ROLE_NOT_ALLOWED_HERE", "PROGRAM_ADMIN"),
                        Violation.of("roles[2]", "ROLE_NOT_ALLOWED_HERE", "REVIEWER"),
                        Violation.of("roles[3]", "ROLE_NOT_ALLOWED_HERE", "INTEGRATION"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PROGRAM_ADMIN", "REVIEWER", "CREDIT_ANALYST", "INTEGRATION"})
    void staff_and_machine_accounts_may_hold_program_and_machine_roles(Role role) {
        assertThat(UserAccount.validateStaff(withRoles(role)).roles()).containsExactly(role);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"GLOBAL_ADMIN", "ACCOUNT_ADMIN", "ADMIN_AGENT", "SALES_AGENT", "BILLING_ADMIN", "REPORT_VIEWER"})
    void staff_refuse_partner_roles(Role role) {
        assertThat(violationsOf(() -> UserAccount.validateStaff(withRoles(Role.REVIEWER, role))))
                .containsExactly(Violation.of("roles[1]", "ROLE_NOT_ALLOWED_HERE", role.name()));
    }

    @Test
    void roles_are_mandatory() {
        assertThat(violationsOf(() -> UserAccount.validateStaff(withRoles())))
                .containsExactly(Violation.of("roles", "REQUIRED"));
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(
                        new UserAccount.Registration(EMAIL, "Someone", PASSWORD, null, "en"))))
                .containsExactly(Violation.of("roles", "REQUIRED"));
    }

    @Test
    void a_null_role_is_reported_at_its_position() {
        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(withRoles(Role.GLOBAL_ADMIN, null))))
                .containsExactly(Violation.of("roles[1]", "REQUIRED"));
    }

    @Test
    void a_repeated_role_is_held_once() {
        assertThat(UserAccount.validateStaff(withRoles(Role.REVIEWER, Role.REVIEWER, Role.CREDIT_ANALYST))
                        .roles())
                .containsExactlyInAnyOrder(Role.REVIEWER, Role.CREDIT_ANALYST);
    }

    @Test
    void every_violation_is_reported_at_once() {
        UserAccount.Registration input = new UserAccount.Registration("not-an-email", "  ", "short", List.of(), "de");

        assertThat(violationsOf(() -> UserAccount.validatePartnerUser(input)))
                .containsExactly(
                        Violation.of("email", "INVALID_EMAIL", "not-an-email"),
                        Violation.of("displayName", "REQUIRED"),
                        Violation.of("password", "PASSWORD_TOO_SHORT", 12),
                        Violation.of("roles", "REQUIRED"),
                        Violation.of("locale", "INVALID_LOCALE", "de", "fr, en"));
    }

    @Test
    void an_email_and_a_display_name_are_mandatory() {
        UserAccount.Registration input =
                new UserAccount.Registration(null, "d".repeat(201), PASSWORD, List.of(Role.REVIEWER), "en");

        assertThat(violationsOf(() -> UserAccount.validateStaff(input)))
                .containsExactly(Violation.of("email", "REQUIRED"), Violation.of("displayName", "TOO_LONG", 200));
    }

    @Test
    void a_valid_registration_becomes_an_account_with_the_hash_not_the_password() {
        UserAccount.Valid valid = UserAccount.validatePartnerUser(partnerUser(PASSWORD));
        UserId id = UserId.random();
        PartnerId partner = PartnerId.random();
        Instant now = Instant.parse("2026-03-02T10:15:30Z");

        UserAccount account = valid.toAccount(id, "{bcrypt}hash", partner, now);

        assertThat(account.id()).isEqualTo(id);
        assertThat(account.username()).isEqualTo(EMAIL);
        assertThat(account.displayName()).isEqualTo("Someone");
        assertThat(account.passwordHash()).isEqualTo("{bcrypt}hash");
        assertThat(account.partnerId()).isEqualTo(partner);
        assertThat(account.roles()).containsExactly(Role.GLOBAL_ADMIN);
        assertThat(account.locale()).isEqualTo("fr");
        assertThat(account.createdAt()).isEqualTo(now);
        assertThat(account.isPartnerUser()).isTrue();
        assertThat(account.isMachine()).isFalse();
    }

    @Test
    void a_staff_account_belongs_to_no_partner_and_an_integration_account_is_a_machine() {
        UserAccount machine = UserAccount.validateStaff(withRoles(Role.INTEGRATION))
                .toAccount(UserId.random(), "hash", null, Instant.EPOCH);
        UserAccount reviewer = UserAccount.validateStaff(withRoles(Role.REVIEWER))
                .toAccount(UserId.random(), "hash", null, Instant.EPOCH);

        assertThat(machine.isPartnerUser()).isFalse();
        assertThat(machine.isMachine()).isTrue();
        assertThat(reviewer.isPartnerUser()).isFalse();
        assertThat(reviewer.isMachine()).isFalse();
    }

    @Test
    void an_account_keeps_its_own_copy_of_the_roles() {
        Set<Role> roles = new HashSet<>(EnumSet.of(Role.REVIEWER));
        UserAccount account =
                new UserAccount(UserId.random(), EMAIL, "Someone", "hash", null, roles, "en", Instant.EPOCH);

        roles.add(Role.PROGRAM_ADMIN);

        assertThat(account.roles()).containsExactly(Role.REVIEWER);
        assertThatThrownBy(() -> account.roles().add(Role.PROGRAM_ADMIN))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void changing_the_locale_keeps_everything_else() {
        UserAccount account = UserAccount.validatePartnerUser(partnerUser(PASSWORD))
                .toAccount(UserId.random(), "hash", PartnerId.random(), Instant.EPOCH);

        UserAccount english = account.withLocale("en");

        assertThat(english.locale()).isEqualTo("en");
        assertThat(english).usingRecursiveComparison().ignoringFields("locale").isEqualTo(account);
    }
}
