package org.directbill.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Collecting every violation of an input, then refusing it as a whole. */
class ViolationsTest {

    @Test
    void a_required_text_is_returned_stripped() {
        Violations violations = new Violations();

        assertThat(violations.requireText("name", "  Contoso  ", 10)).isEqualTo("Contoso");
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void a_missing_or_blank_required_text_is_reported_as_required() {
        Violations violations = new Violations();

        assertThat(violations.requireText("a", null, 10)).isNull();
        assertThat(violations.requireText("b", "", 10)).isNull();
        assertThat(violations.requireText("c", " \t\n", 10)).isNull();

        assertThat(violations.list())
                .containsExactly(
                        Violation.of("a", "REQUIRED"), Violation.of("b", "REQUIRED"), Violation.of("c", "REQUIRED"));
    }

    @Test
    void the_length_limit_counts_the_stripped_text_and_is_inclusive() {
        Violations violations = new Violations();

        assertThat(violations.requireText("name", "  abc  ", 3)).isEqualTo("abc");
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void a_text_over_the_limit_is_reported_with_the_limit_and_still_returned() {
        Violations violations = new Violations();

        assertThat(violations.requireText("name", "abcd", 3)).isEqualTo("abcd");

        assertThat(violations.list()).containsExactly(Violation.of("name", "TOO_LONG", 3));
    }

    @Test
    void a_missing_or_blank_optional_text_is_absent_without_a_violation() {
        Violations violations = new Violations();

        assertThat(violations.optionalText("note", null, 10)).isNull();
        assertThat(violations.optionalText("note", "   ", 10)).isNull();
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void an_optional_text_is_stripped_and_limited() {
        Violations violations = new Violations();

        assertThat(violations.optionalText("note", " hi ", 10)).isEqualTo("hi");
        assertThat(violations.optionalText("note", "x".repeat(11), 10)).hasSize(11);

        assertThat(violations.list()).containsExactly(Violation.of("note", "TOO_LONG", 10));
    }

    @Test
    void a_required_email_is_returned_stripped_as_typed() {
        Violations violations = new Violations();

        assertThat(violations.requireEmail("email", " Jane@Example.com ")).isEqualTo("Jane@Example.com");
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void an_invalid_email_is_reported_with_the_value() {
        Violations violations = new Violations();

        assertThat(violations.requireEmail("email", " jane@example ")).isEqualTo("jane@example");

        assertThat(violations.list()).containsExactly(Violation.of("email", "INVALID_EMAIL", "jane@example"));
    }

    @Test
    void a_missing_email_is_required_not_invalid() {
        Violations violations = new Violations();

        assertThat(violations.requireEmail("email", null)).isNull();

        assertThat(violations.list()).containsExactly(Violation.of("email", "REQUIRED"));
    }

    @Test
    void an_email_has_at_most_254_characters() {
        Violations violations = new Violations();
        String email = "a@" + "b".repeat(249) + ".com"; // 255 characters

        violations.requireEmail("email", email);

        assertThat(violations.list()).startsWith(Violation.of("email", "TOO_LONG", 254));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "jane.doe+tag@example.com", "x@sub.domain.example.fr", "ÉLÈVE@école.fr"})
    void these_are_emails(String email) {
        assertThat(Violations.isEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "@example.com",
                "jane@",
                "jane@example",
                "jane@example.c",
                "jane@@example.com",
                "ja ne@example.com",
                "jane@exa mple.com",
                "jane@example.com.",
                "a@b@c.com"
            })
    void these_are_not_emails(String email) {
        assertThat(Violations.isEmail(email)).isFalse();
    }

    @Test
    void the_local_part_of_an_email_has_at_most_64_characters() {
        assertThat(Violations.isEmail("l".repeat(64) + "@example.com")).isTrue();
        assertThat(Violations.isEmail("l".repeat(65) + "@example.com")).isFalse();
    }

    @Test
    void a_required_value_must_not_be_null() {
        Violations violations = new Violations();

        assertThat(violations.require("kind", "MANAGED_SERVICE")).isEqualTo("MANAGED_SERVICE");
        assertThat(violations.<Object>require("type", null)).isNull();

        assertThat(violations.list()).containsExactly(Violation.of("type", "REQUIRED"));
    }

    @Test
    void violations_are_kept_in_the_order_they_were_found() {
        Violations violations = new Violations()
                .add("b", "SECOND", 2)
                .add("a", "FIRST")
                .addAll(List.of(Violation.of("c", "THIRD"), Violation.of("d", "FOURTH", "x", 4)));

        assertThat(violations.list())
                .containsExactly(
                        Violation.of("b", "SECOND", 2),
                        Violation.of("a", "FIRST"),
                        Violation.of("c", "THIRD"),
                        Violation.of("d", "FOURTH", "x", 4));
        assertThat(violations.isEmpty()).isFalse();
    }

    @Test
    void the_list_is_a_snapshot_that_cannot_be_changed() {
        Violations violations = new Violations().add("a", "FIRST");
        List<Violation> snapshot = violations.list();

        violations.add("b", "SECOND");

        assertThat(snapshot).containsExactly(Violation.of("a", "FIRST"));
        assertThatThrownBy(() -> snapshot.add(Violation.of("c", "THIRD")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nothing_is_thrown_without_violations() {
        assertThatCode(() -> new Violations().throwIfAny()).doesNotThrowAnyException();
    }

    @Test
    void every_violation_is_thrown_at_once() {
        Violations violations = new Violations();
        violations.requireText("name", null, 10);
        violations.requireEmail("email", "nope");
        violations.require("kind", null);

        InvalidInput invalid = catchThrowableOfType(InvalidInput.class, violations::throwIfAny);

        assertThat(invalid.violations())
                .containsExactly(
                        Violation.of("name", "REQUIRED"),
                        Violation.of("email", "INVALID_EMAIL", "nope"),
                        Violation.of("kind", "REQUIRED"));
    }

    @Test
    void an_invalid_input_needs_at_least_one_violation() {
        assertThatThrownBy(() -> new InvalidInput(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_invalid_input_keeps_its_own_copy_of_the_violations() {
        List<Violation> found = new java.util.ArrayList<>(List.of(Violation.of("a", "FIRST")));
        InvalidInput invalid = new InvalidInput(found);

        found.add(Violation.of("b", "SECOND"));

        assertThat(invalid.violations()).containsExactly(Violation.of("a", "FIRST"));
        assertThat(invalid.getMessage()).contains("FIRST");
    }

    @Test
    void a_violation_can_be_placed_under_a_parent_field() {
        Violation nested = Violation.of("country", "INVALID_COUNTRY", "zz").under("address");

        assertThat(nested).isEqualTo(Violation.of("address.country", "INVALID_COUNTRY", "zz"));
    }
}
