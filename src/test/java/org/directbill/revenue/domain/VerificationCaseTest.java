package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.directbill.shared.validation.Violations;
import org.junit.jupiter.api.Test;

/** A verification case and its legal steps (domain.md, "Verification of sales"). */
class VerificationCaseTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final InformationRequest ASK = new InformationRequest("Send the signed orders.", TODAY.plusDays(14));

    static VerificationCase opened(String... lines) {
        return VerificationCase.open(
                VerificationCaseId.random(), PartnerId.random(), List.of(lines), null, NOW, "reviewer@example.com");
    }

    static SalesDecision decision(SaleDecision decision, String reason, String... lines) {
        return SalesDecision.validate(Arrays.asList(lines), decision, reason);
    }

    static String code(Throwable refusal) {
        return ((ApiProblem) refusal).code();
    }

    static List<Violation> violations(Throwable refusal) {
        return ((InvalidInput) refusal).violations();
    }

    @Test
    void a_case_opens_with_every_selected_sale_open_once() {
        VerificationCase opened = opened("L1", "L2", "L1");

        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.lines()).extracting(CaseLine::lineId).containsExactly("L1", "L2");
        assertThat(opened.lines()).allMatch(line -> line.state() == VerificationState.OPEN && !line.decided());
        assertThat(opened.dueDate()).isNull();
        assertThat(opened.count(VerificationState.OPEN)).isEqualTo(2);
    }

    @Test
    void a_case_opened_with_a_request_waits_for_the_partner_until_the_due_date() {
        VerificationCase opened = VerificationCase.open(
                VerificationCaseId.random(), PartnerId.random(), List.of("L1"), ASK, NOW, "reviewer@example.com");

        assertThat(opened.status()).isEqualTo(CaseStatus.INFO_REQUESTED);
        assertThat(opened.dueDate()).isEqualTo(ASK.dueDate());
    }

    @Test
    void a_case_without_sales_cannot_exist() {
        assertThatThrownBy(() -> opened()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_partner_answers_only_once_something_was_asked_and_may_answer_again() {
        VerificationCase opened = opened("L1");
        assertThatThrownBy(opened::answer)
                .isInstanceOf(Conflict.class)
                .satisfies(refusal -> assertThat(code(refusal)).isEqualTo("VERIFICATION_NOT_REQUESTED"));

        VerificationCase asked = opened.requestInformation(ASK);
        assertThat(asked.status()).isEqualTo(CaseStatus.INFO_REQUESTED);
        VerificationCase answered = asked.answer();
        assertThat(answered.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(answered.answer().status()).isEqualTo(CaseStatus.ANSWERED);
    }

    @Test
    void a_new_request_replaces_the_due_date_and_waits_for_the_partner_again() {
        VerificationCase answered = opened("L1").requestInformation(ASK).answer();
        VerificationCase again = answered.requestInformation(new InformationRequest("And the invoices.", TODAY));

        assertThat(again.status()).isEqualTo(CaseStatus.INFO_REQUESTED);
        assertThat(again.dueDate()).isEqualTo(TODAY);
    }

    @Test
    void a_case_is_overdue_only_while_waiting_for_an_answer_after_its_due_date() {
        VerificationCase asked = opened("L1").requestInformation(new InformationRequest("Why?", TODAY));

        assertThat(asked.overdue(TODAY)).as("the due date itself is in time").isFalse();
        assertThat(asked.overdue(TODAY.plusDays(1))).isTrue();
        assertThat(asked.answer().overdue(TODAY.plusDays(1))).as("answered").isFalse();
        assertThat(opened("L1").overdue(TODAY.plusYears(1))).as("nothing asked").isFalse();
    }

    @Test
    void deciding_some_sales_keeps_the_case_open_and_deciding_the_last_closes_it() {
        VerificationCase opened = opened("L1", "L2", "L3");

        VerificationCase.Decided first =
                opened.decide(decision(SaleDecision.REJECTED, "No such customer.", "L2"), NOW, "rev");
        assertThat(first.lineIds()).containsExactly("L2");
        assertThat(first.after().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(first.after().closedAt()).isNull();
        CaseLine rejected = first.after().lines().get(1);
        assertThat(rejected.state()).isEqualTo(VerificationState.REJECTED);
        assertThat(rejected.reason()).isEqualTo("No such customer.");
        assertThat(rejected.decidedBy()).isEqualTo("rev");
        assertThat(rejected.decidedAt()).isEqualTo(NOW);

        Instant later = NOW.plusSeconds(60);
        VerificationCase.Decided rest = first.after().decide(decision(SaleDecision.VERIFIED, ""), later, "rev");
        assertThat(rest.lineIds()).as("every open sale when none is named").containsExactly("L1", "L3");
        assertThat(rest.after().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(rest.after().closedAt()).isEqualTo(later);
        assertThat(rest.after().count(VerificationState.VERIFIED)).isEqualTo(2);
        assertThat(rest.after().count(VerificationState.REJECTED)).isEqualTo(1);
        assertThat(rest.after().lines().get(0).reason()).isNull();
    }

    @Test
    void a_decision_is_final() {
        VerificationCase decided = opened("L1", "L2")
                .decide(decision(SaleDecision.VERIFIED, "", "L1"), NOW, "rev")
                .after();

        assertThatThrownBy(() ->
                        decided.decide(decision(SaleDecision.REJECTED, "Changed my mind.", "L2", "L1"), NOW, "rev"))
                .isInstanceOf(Conflict.class)
                .satisfies(refusal -> {
                    assertThat(code(refusal)).isEqualTo("SALE_ALREADY_DECIDED");
                    assertThat(((ApiProblem) refusal).arguments()).containsExactly("L1");
                });
    }

    @Test
    void a_sale_not_in_the_case_is_refused_by_its_position() {
        assertThatThrownBy(() -> opened("L1").decide(decision(SaleDecision.VERIFIED, "", "L1", "L9"), NOW, "rev"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refusal -> assertThat(violations(refusal))
                        .containsExactly(Violation.of("lineIds[1]", "NOT_IN_CASE", "L9")));
    }

    @Test
    void a_closed_case_takes_no_further_step() {
        VerificationCase closed = opened("L1")
                .requestInformation(ASK)
                .decide(decision(SaleDecision.VERIFIED, ""), NOW, "rev")
                .after();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);

        for (Runnable step : List.<Runnable>of(
                () -> closed.requestInformation(ASK),
                closed::answer,
                () -> closed.decide(decision(SaleDecision.REJECTED, "Late.", "L1"), NOW, "rev"))) {
            assertThatThrownBy(step::run)
                    .isInstanceOf(Conflict.class)
                    .satisfies(refusal -> assertThat(code(refusal)).isEqualTo("VERIFICATION_CASE_CLOSED"));
        }
    }

    @Test
    void rejecting_needs_a_reason_and_verifying_does_not() {
        assertThatThrownBy(() -> SalesDecision.validate(List.of("L1"), SaleDecision.REJECTED, "  "))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refusal -> assertThat(violations(refusal))
                        .containsExactly(Violation.of("reason", "REJECTION_REASON_REQUIRED")));
        assertThat(SalesDecision.validate(null, SaleDecision.VERIFIED, null).allOpenLines())
                .isTrue();
        assertThatThrownBy(() -> SalesDecision.validate(Arrays.asList("L1", " ", null), null, "x".repeat(1001)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refusal -> assertThat(violations(refusal))
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("decision", "REQUIRED"),
                                org.assertj.core.groups.Tuple.tuple("reason", "TOO_LONG"),
                                org.assertj.core.groups.Tuple.tuple("lineIds[1]", "REQUIRED"),
                                org.assertj.core.groups.Tuple.tuple("lineIds[2]", "REQUIRED")));
    }

    @Test
    void a_request_needs_a_message_and_a_due_date_not_in_the_past() {
        assertThat(InformationRequest.validate(" Why? ", TODAY, TODAY))
                .isEqualTo(new InformationRequest("Why?", TODAY));
        assertThatThrownBy(() -> InformationRequest.validate("", TODAY.minusDays(1), TODAY))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refusal -> assertThat(violations(refusal))
                        .containsExactly(
                                Violation.of("message", "REQUIRED"),
                                Violation.of("dueDate", "DUE_DATE_IN_PAST", TODAY.minusDays(1), TODAY)));
        assertThatThrownBy(() -> InformationRequest.validate("x".repeat(4001), null, TODAY))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refusal -> assertThat(violations(refusal))
                        .containsExactly(
                                Violation.of("message", "TOO_LONG", 4000), Violation.of("dueDate", "REQUIRED")));
    }

    @Test
    void a_case_may_be_opened_without_a_request_but_half_a_request_is_refused() {
        Violations none = new Violations();
        assertThat(InformationRequest.optional(" ", null, TODAY, none)).isNull();
        assertThat(none.isEmpty()).isTrue();

        Violations half = new Violations();
        assertThat(InformationRequest.optional("Why?", null, TODAY, half)).isNull();
        assertThat(half.list()).containsExactly(Violation.of("dueDate", "REQUIRED"));

        Violations other = new Violations();
        assertThat(InformationRequest.optional(null, TODAY, TODAY, other)).isNull();
        assertThat(other.list()).containsExactly(Violation.of("message", "REQUIRED"));
    }
}
