package org.directbill.enrollment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A partner's application to be a direct-bill partner in one market. Each intention-revealing
 * method checks the step is legal from the current status ({@link Step}) and answers the enrollment
 * after it; an illegal one is 409 {@code ILLEGAL_TRANSITION}. The version guards against two people
 * deciding at once: the store writes a change only over the version it was read at.
 *
 * @param policyId the policy in force at submission, kept until the enrollment ends
 * @param submittedOn the day it was submitted: support plans bought from then on wait for the credit check
 * @param evaluationId the evaluation run at submission
 * @param statusSince the day it entered its current status: its service level counts from there
 */
public record Enrollment(
        EnrollmentId id,
        PartnerId partnerId,
        String market,
        EnrollmentStatus status,
        long version,
        @Nullable String policyId,
        @Nullable LocalDate submittedOn,
        @Nullable UUID evaluationId,
        LocalDate statusSince,
        @Nullable BigDecimal creditLimitUsd,
        Checklist checklist,
        @Nullable AgreementAcceptance acceptance,
        Instant createdAt,
        String createdBy) {

    public Enrollment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(market);
        Objects.requireNonNull(status);
        Objects.requireNonNull(statusSince);
        Objects.requireNonNull(checklist);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(createdBy);
    }

    public static Enrollment draft(PartnerId partner, String market, Instant now, LocalDate today, String by) {
        return new Enrollment(
                EnrollmentId.random(),
                partner,
                market,
                EnrollmentStatus.DRAFT,
                0,
                null,
                null,
                null,
                today,
                null,
                Checklist.empty(),
                null,
                now,
                by);
    }

    public Enrollment submit(String policy, UUID evaluation, LocalDate today) {
        require(Step.SUBMIT);
        return new Enrollment(
                id,
                partnerId,
                market,
                Step.SUBMIT.to(),
                version,
                policy,
                today,
                evaluation,
                today,
                creditLimitUsd,
                checklist,
                acceptance,
                createdAt,
                createdBy);
    }

    public Enrollment requestInfo(LocalDate today) {
        return move(Step.REQUEST_INFO, today);
    }

    public Enrollment answerInfo(LocalDate today) {
        return move(Step.ANSWER_INFO, today);
    }

    /** VERIFIED: the checklist is confirmed as a whole, unless an item is marked PROBLEM (422). */
    public Enrollment verify(LocalDate today) {
        require(Step.VERIFY);
        if (!checklist.problems().isEmpty()) {
            throw new RuleViolation(
                    "CHECKLIST_PROBLEM",
                    String.join(
                            ", ", checklist.problems().stream().map(Enum::name).toList()));
        }
        return moved(Step.VERIFY.to(), today, creditLimitUsd, checklist.allConfirmed(), acceptance);
    }

    public Enrollment reject(LocalDate today) {
        return move(Step.REJECT, today);
    }

    public Enrollment approveCredit(BigDecimal limitUsd, LocalDate today) {
        require(Step.APPROVE_CREDIT);
        return moved(Step.APPROVE_CREDIT.to(), today, limitUsd, checklist, acceptance);
    }

    public Enrollment declineCredit(LocalDate today) {
        return move(Step.DECLINE_CREDIT, today);
    }

    /** The agreement accepted with every REQUIRED requirement met (the caller checked them). */
    public Enrollment activate(AgreementAcceptance accepted, LocalDate today) {
        require(Step.ACTIVATE);
        return moved(Step.ACTIVATE.to(), today, creditLimitUsd, checklist, accepted);
    }

    public Enrollment withdraw(LocalDate today) {
        return move(Step.WITHDRAW, today);
    }

    /** Withdrawn by the system: an information request went unanswered past its due date. */
    public Enrollment expire(LocalDate today) {
        return move(Step.EXPIRE, today);
    }

    /** A reviewer's mark on one checklist item, while the company is being reviewed. */
    public Enrollment mark(ChecklistItem item, @Nullable ChecklistMark mark) {
        if (status != EnrollmentStatus.IN_REVIEW && status != EnrollmentStatus.INFO_REQUESTED) {
            throw new Conflict("CHECKLIST_CLOSED", status.name());
        }
        return new Enrollment(
                id,
                partnerId,
                market,
                status,
                version,
                policyId,
                submittedOn,
                evaluationId,
                statusSince,
                creditLimitUsd,
                checklist.with(item, mark),
                acceptance,
                createdAt,
                createdBy);
    }

    /** The same enrollment as stored at {@code newVersion}. */
    public Enrollment atVersion(long newVersion) {
        return new Enrollment(
                id,
                partnerId,
                market,
                status,
                newVersion,
                policyId,
                submittedOn,
                evaluationId,
                statusSince,
                creditLimitUsd,
                checklist,
                acceptance,
                createdAt,
                createdBy);
    }

    /** Refuses a step that is not legal from the current status (409). */
    public void require(Step step) {
        if (!step.allowedFrom(status)) {
            throw new Conflict("ILLEGAL_TRANSITION", step.name(), status.name());
        }
    }

    private Enrollment move(Step step, LocalDate today) {
        require(step);
        return moved(step.to(), today, creditLimitUsd, checklist, acceptance);
    }

    private Enrollment moved(
            EnrollmentStatus next,
            LocalDate today,
            @Nullable BigDecimal limit,
            Checklist marks,
            @Nullable AgreementAcceptance accepted) {
        return new Enrollment(
                id,
                partnerId,
                market,
                next,
                version,
                policyId,
                submittedOn,
                evaluationId,
                today,
                limit,
                marks,
                accepted,
                createdAt,
                createdBy);
    }
}
