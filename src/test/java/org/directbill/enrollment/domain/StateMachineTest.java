package org.directbill.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every step of the workflow from every status: legal ones lead where domain.md says, the rest are 409. */
class StateMachineTest {

    static final LocalDate TODAY = LocalDate.of(2023, 6, 14);
    static final AgreementAcceptance ACCEPTED = new AgreementAcceptance(
            "2018-08", Instant.parse("2023-06-14T10:00:00Z"), "ga@example.com", "127.0.0.1", null);

    /** Each step as the enrollment's own method. */
    static final Map<Step, Function<Enrollment, Enrollment>> STEPS = Map.ofEntries(
            Map.entry(Step.SUBMIT, e -> e.submit("csp-direct-2021", UUID.randomUUID(), TODAY)),
            Map.entry(Step.REQUEST_INFO, e -> e.requestInfo(TODAY)),
            Map.entry(Step.ANSWER_INFO, e -> e.answerInfo(TODAY)),
            Map.entry(Step.VERIFY, e -> e.verify(TODAY)),
            Map.entry(Step.REJECT, e -> e.reject(TODAY)),
            Map.entry(Step.APPROVE_CREDIT, e -> e.approveCredit(new BigDecimal("250000.00"), TODAY)),
            Map.entry(Step.DECLINE_CREDIT, e -> e.declineCredit(TODAY)),
            Map.entry(Step.ACTIVATE, e -> e.activate(ACCEPTED, TODAY)),
            Map.entry(Step.WITHDRAW, e -> e.withdraw(TODAY)),
            Map.entry(Step.EXPIRE, e -> e.expire(TODAY)));

    /** The legal moves, written out as domain.md and api.md describe them (not read from {@link Step}). */
    static final Map<EnrollmentStatus, Map<Step, EnrollmentStatus>> LEGAL = Map.of(
            EnrollmentStatus.DRAFT,
            Map.of(Step.SUBMIT, EnrollmentStatus.IN_REVIEW, Step.WITHDRAW, EnrollmentStatus.WITHDRAWN),
            EnrollmentStatus.IN_REVIEW,
            Map.of(
                    Step.VERIFY, EnrollmentStatus.CREDIT_CHECK,
                    Step.REQUEST_INFO, EnrollmentStatus.INFO_REQUESTED,
                    Step.REJECT, EnrollmentStatus.REJECTED,
                    Step.WITHDRAW, EnrollmentStatus.WITHDRAWN),
            EnrollmentStatus.INFO_REQUESTED,
            Map.of(
                    Step.ANSWER_INFO, EnrollmentStatus.IN_REVIEW,
                    Step.REJECT, EnrollmentStatus.REJECTED,
                    Step.WITHDRAW, EnrollmentStatus.WITHDRAWN,
                    Step.EXPIRE, EnrollmentStatus.WITHDRAWN),
            EnrollmentStatus.CREDIT_CHECK,
            Map.of(
                    Step.APPROVE_CREDIT, EnrollmentStatus.CREDIT_APPROVED,
                    Step.DECLINE_CREDIT, EnrollmentStatus.CREDIT_DECLINED,
                    Step.WITHDRAW, EnrollmentStatus.WITHDRAWN),
            EnrollmentStatus.CREDIT_APPROVED,
            Map.of(Step.ACTIVATE, EnrollmentStatus.ACTIVE, Step.WITHDRAW, EnrollmentStatus.WITHDRAWN),
            EnrollmentStatus.ACTIVE,
            Map.of(),
            EnrollmentStatus.REJECTED,
            Map.of(),
            EnrollmentStatus.CREDIT_DECLINED,
            Map.of(),
            EnrollmentStatus.WITHDRAWN,
            Map.of());

    static Enrollment in(EnrollmentStatus status) {
        Enrollment draft = Enrollment.draft(
                new PartnerId(UUID.randomUUID()),
                "FR",
                Instant.parse("2023-06-01T08:00:00Z"),
                TODAY.minusDays(13),
                "ga");
        return new Enrollment(
                draft.id(),
                draft.partnerId(),
                draft.market(),
                status,
                3,
                status == EnrollmentStatus.DRAFT ? null : "csp-direct-2021",
                status == EnrollmentStatus.DRAFT ? null : TODAY.minusDays(10),
                null,
                TODAY.minusDays(2),
                null,
                Checklist.empty(),
                null,
                draft.createdAt(),
                draft.createdBy());
    }

    static Stream<Arguments> everyStepFromEveryStatus() {
        return Stream.of(EnrollmentStatus.values())
                .flatMap(status -> STEPS.keySet().stream().map(step -> Arguments.of(status, step)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStepFromEveryStatus")
    void a_step_leads_where_the_workflow_says_or_is_an_illegal_transition(EnrollmentStatus from, Step step) {
        Enrollment before = in(from);
        EnrollmentStatus expected = LEGAL.get(from).get(step);
        if (expected == null) {
            assertThatThrownBy(() -> STEPS.get(step).apply(before))
                    .isInstanceOf(Conflict.class)
                    .satisfies(e -> {
                        Conflict conflict = (Conflict) e;
                        assertThat(conflict.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(conflict.arguments()).containsExactly(step.name(), from.name());
                    });
            assertThat(step.allowedFrom(from)).isFalse();
        } else {
            Enrollment after = STEPS.get(step).apply(before);
            assertThat(after.status()).isEqualTo(expected);
            assertThat(after.statusSince()).isEqualTo(TODAY);
            assertThat(after.version()).as("the store moves the version").isEqualTo(before.version());
            assertThat(after.id()).isEqualTo(before.id());
        }
    }

    @Test
    void the_table_of_steps_is_the_workflow_of_the_spec() {
        for (EnrollmentStatus status : EnrollmentStatus.values()) {
            Set<Step> legal = EnumSet.noneOf(Step.class);
            for (Step step : Step.values()) {
                if (step.allowedFrom(status)) {
                    legal.add(step);
                }
            }
            assertThat(legal)
                    .as(status.name())
                    .isEqualTo(
                            LEGAL.get(status).isEmpty()
                                    ? Set.of()
                                    : LEGAL.get(status).keySet());
        }
    }

    @Test
    void the_ends_and_active_accept_no_step() {
        for (EnrollmentStatus end : EnumSet.of(
                EnrollmentStatus.ACTIVE,
                EnrollmentStatus.REJECTED,
                EnrollmentStatus.CREDIT_DECLINED,
                EnrollmentStatus.WITHDRAWN)) {
            assertThat(Stream.of(Step.values()).filter(step -> step.allowedFrom(end)))
                    .isEmpty();
            assertThat(end.inProgress()).isFalse();
        }
        assertThat(EnrollmentStatus.ACTIVE.ended()).isFalse();
    }

    @Test
    void submission_keeps_the_policy_the_day_and_the_evaluation() {
        UUID evaluation = UUID.randomUUID();
        Enrollment submitted = in(EnrollmentStatus.DRAFT).submit("csp-direct-fy26", evaluation, TODAY);
        assertThat(submitted.policyId()).isEqualTo("csp-direct-fy26");
        assertThat(submitted.submittedOn()).isEqualTo(TODAY);
        assertThat(submitted.evaluationId()).isEqualTo(evaluation);
    }

    @Test
    void verified_confirms_the_whole_checklist() {
        Enrollment marked = in(EnrollmentStatus.IN_REVIEW).mark(ChecklistItem.REGISTRATION_ID, ChecklistMark.CONFIRMED);
        Enrollment verified = marked.verify(TODAY);
        for (ChecklistItem item : ChecklistItem.values()) {
            assertThat(verified.checklist().mark(item)).isEqualTo(ChecklistMark.CONFIRMED);
        }
    }

    @Test
    void an_item_marked_as_a_problem_stops_verified_until_it_is_confirmed() {
        Enrollment problem = in(EnrollmentStatus.IN_REVIEW).mark(ChecklistItem.EMAIL_OWNERSHIP, ChecklistMark.PROBLEM);
        assertThatThrownBy(() -> problem.verify(TODAY))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("CHECKLIST_PROBLEM");
        Enrollment confirmed = problem.mark(ChecklistItem.EMAIL_OWNERSHIP, ChecklistMark.CONFIRMED);
        assertThat(confirmed.verify(TODAY).status()).isEqualTo(EnrollmentStatus.CREDIT_CHECK);
        assertThat(problem.mark(ChecklistItem.EMAIL_OWNERSHIP, null).checklist().mark(ChecklistItem.EMAIL_OWNERSHIP))
                .isNull();
    }

    @Test
    void the_checklist_is_worked_only_during_the_review() {
        assertThat(in(EnrollmentStatus.INFO_REQUESTED)
                        .mark(ChecklistItem.CONTACT_EMPLOYMENT, ChecklistMark.CONFIRMED)
                        .checklist()
                        .mark(ChecklistItem.CONTACT_EMPLOYMENT))
                .isEqualTo(ChecklistMark.CONFIRMED);
        for (EnrollmentStatus status :
                EnumSet.complementOf(EnumSet.of(EnrollmentStatus.IN_REVIEW, EnrollmentStatus.INFO_REQUESTED))) {
            assertThatThrownBy(() -> in(status).mark(ChecklistItem.REGISTRATION_ID, ChecklistMark.CONFIRMED))
                    .isInstanceOf(Conflict.class)
                    .hasMessage("CHECKLIST_CLOSED");
        }
    }

    @Test
    void approval_keeps_the_credit_limit_and_activation_the_acceptance() {
        Enrollment approved = in(EnrollmentStatus.CREDIT_CHECK).approveCredit(new BigDecimal("250000.00"), TODAY);
        assertThat(approved.creditLimitUsd()).isEqualByComparingTo("250000.00");
        Enrollment active = approved.activate(ACCEPTED, TODAY);
        assertThat(active.acceptance()).isEqualTo(ACCEPTED);
        assertThat(active.creditLimitUsd()).isEqualByComparingTo("250000.00");
    }

    @Test
    void support_plans_wait_while_an_enrollment_is_in_review_or_in_its_credit_check() {
        assertThat(EnrollmentStatus.BEFORE_CREDIT_APPROVAL)
                .containsExactlyInAnyOrder(
                        EnrollmentStatus.IN_REVIEW, EnrollmentStatus.INFO_REQUESTED, EnrollmentStatus.CREDIT_CHECK);
    }
}
