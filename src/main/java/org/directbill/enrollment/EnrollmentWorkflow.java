package org.directbill.enrollment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.directbill.enrollment.domain.AgreementAcceptance;
import org.directbill.enrollment.domain.AttachmentInfo;
import org.directbill.enrollment.domain.ChecklistItem;
import org.directbill.enrollment.domain.ChecklistMark;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.EnrollmentRecords;
import org.directbill.enrollment.domain.EnrollmentRecords.AttachmentContent;
import org.directbill.enrollment.domain.Gates;
import org.directbill.enrollment.domain.HistoryEntry;
import org.directbill.enrollment.domain.InfoRequest;
import org.directbill.enrollment.domain.RequirementsNotMet;
import org.directbill.enrollment.domain.ServiceLevel;
import org.directbill.enrollment.domain.Step;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Countries;
import org.directbill.partner.domain.FactStatus;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.ProfileField;
import org.directbill.policy.Evaluations;
import org.directbill.policy.domain.Evaluation;
import org.directbill.revenue.domain.AttachmentRules;
import org.directbill.revenue.domain.InformationRequest;
import org.directbill.revenue.domain.NewAttachment;
import org.directbill.shared.audit.AuditEvent;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enrollment workflow (domain.md, "Enrolling as a direct-bill partner in a market"), one method
 * per step. Each checks who may take it, then that the step is legal from the enrollment's status
 * (409 {@code ILLEGAL_TRANSITION}), then its input; it writes the change over the version it read
 * (409 {@code STALE_VERSION} when someone else changed it meanwhile), adds the history entry and
 * the audit entry, and tells the partner what it must know — all in one transaction.
 */
@Service
@Transactional
public class EnrollmentWorkflow {

    /** Who the history names when the service itself acts (a timer, the credit bureau). */
    public static final String SYSTEM = "system";

    static final String AUDIT_TYPE = "ENROLLMENT";

    /** An information request is due at least this many days after it is made, so that a reminder comes first. */
    public static final int MIN_DAYS_TO_ANSWER = InfoRequest.REMINDER_DAYS_BEFORE + 1;

    private static final BigDecimal MAX_CREDIT_LIMIT = new BigDecimal("1000000000000");

    private final EnrollmentRecords records;
    private final PartnerDirectory directory;
    private final Evaluations evaluations;
    private final Agreements agreements;
    private final AttachmentRules attachmentRules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnrollmentWorkflow(
            EnrollmentRecords records,
            PartnerDirectory directory,
            Evaluations evaluations,
            Agreements agreements,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.directory = directory;
        this.evaluations = evaluations;
        this.agreements = agreements;
        this.attachmentRules = AttachmentRules.defaults();
        this.events = events;
        this.clock = clock;
    }

    /** A review decision (api.md). */
    public enum ReviewDecision {
        VERIFIED,
        INFO_REQUESTED,
        REJECTED
    }

    /** A credit decision (api.md). */
    public enum CreditDecision {
        APPROVED,
        DECLINED
    }

    /** A file attached to an answer, as received. */
    public record UploadedFile(@Nullable String fileName, byte[] content) {}

    /** Starts a DRAFT enrollment of the partner in a market; one live enrollment per market (409). */
    public Enrollment start(PartnerId partner, @Nullable String market) {
        require(PartnerPermission.START_ENROLLMENT, partner, "PARTNER_NOT_FOUND", partner.toString());
        directory.get(partner);
        Violations violations = new Violations();
        String code = violations.requireText("market", market, 2);
        if (code != null) {
            code = code.toUpperCase(Locale.ROOT);
            if (!Countries.isIsoCode(code)) {
                violations.add("market", "INVALID_COUNTRY", market);
            }
        }
        violations.throwIfAny();
        Enrollment draft = Enrollment.draft(
                partner,
                Objects.requireNonNull(code),
                clock.instant(),
                today(),
                Callers.current().username());
        records.add(draft);
        history(draft, Step.CREATE, null);
        audit(draft, null, "ENROLLMENT_STARTED", null);
        return draft;
    }

    /**
     * Submits: evaluates the partner against the policy in force for the market and refuses (422
     * with the reasons) when a REQUIRED requirement other than the support plan is NOT_MET. The
     * enrollment keeps that policy and the stored evaluation.
     */
    public Enrollment submit(EnrollmentId id, @Nullable Long expectedVersion) {
        Enrollment enrollment = load(id, PartnerPermission.SUBMIT_ENROLLMENT, expectedVersion);
        enrollment.require(Step.SUBMIT);
        Evaluation evaluation = evaluations.evaluate(
                enrollment.partnerId(), new Evaluations.Request(today(), null, enrollment.market()));
        var blocking = Gates.blockingSubmission(evaluation.requirements());
        if (!blocking.isEmpty()) {
            throw new RequirementsNotMet(blocking);
        }
        return save(enrollment, enrollment.submit(evaluation.policyId(), evaluation.id(), today()), Step.SUBMIT, null);
    }

    /**
     * A reviewer's decision: VERIFIED (the company checked: business vetting PASSED, on to the
     * credit check), INFO_REQUESTED (the note is the request, with a due date), REJECTED (the note
     * says why).
     */
    public Enrollment review(
            EnrollmentId id,
            @Nullable ReviewDecision decision,
            @Nullable String note,
            @Nullable LocalDate dueDate,
            @Nullable Long expectedVersion) {
        Enrollment enrollment = load(id, PartnerPermission.REVIEW_ENROLLMENT, expectedVersion);
        Violations violations = new Violations();
        violations.require("decision", decision);
        violations.throwIfAny();
        return switch (Objects.requireNonNull(decision)) {
            case VERIFIED -> verify(enrollment, optionalNote(note, violations));
            case INFO_REQUESTED -> requestInfo(enrollment, note, dueDate);
            case REJECTED -> reject(enrollment, note);
        };
    }

    private Enrollment verify(Enrollment enrollment, @Nullable String note) {
        Enrollment verified = enrollment.verify(today());
        PartnerProfile passed = new PartnerProfile(
                enrollment.partnerId(),
                null,
                null,
                null,
                List.of(),
                null,
                FactStatus.PASSED,
                null,
                null,
                List.of(),
                null);
        directory.updateProfile(
                enrollment.partnerId(), new PartnerProfile.Change(EnumSet.of(ProfileField.BUSINESS_VETTING), passed));
        Enrollment saved = save(enrollment, verified, Step.VERIFY, note);
        events.publishEvent(new CreditCheckStarted(saved.id(), saved.partnerId(), saved.market()));
        return saved;
    }

    private Enrollment requestInfo(Enrollment enrollment, @Nullable String note, @Nullable LocalDate dueDate) {
        enrollment.require(Step.REQUEST_INFO);
        LocalDate today = today();
        Violations violations = new Violations();
        if (dueDate != null && !dueDate.isBefore(today) && dueDate.isBefore(today.plusDays(MIN_DAYS_TO_ANSWER))) {
            violations.add("dueDate", "DUE_DATE_TOO_SOON", today.plusDays(MIN_DAYS_TO_ANSWER));
        }
        violations.throwIfAny();
        InformationRequest asked = InformationRequest.validate(note, dueDate, today);
        Enrollment saved = save(enrollment, enrollment.requestInfo(today), Step.REQUEST_INFO, asked.message());
        InfoRequest request = new InfoRequest(
                UUID.randomUUID(),
                saved.id(),
                asked.message(),
                asked.dueDate(),
                clock.instant(),
                Callers.current().username(),
                null,
                null);
        records.addInfoRequest(request);
        notice(saved, "ENROLLMENT_INFO_REQUESTED", "info-request:" + request.id(), asked.dueDate(), asked.message());
        return saved;
    }

    private Enrollment reject(Enrollment enrollment, @Nullable String note) {
        enrollment.require(Step.REJECT);
        Violations violations = new Violations();
        String why = violations.requireText("note", note, InformationRequest.MAX_MESSAGE);
        violations.throwIfAny();
        Enrollment saved = save(enrollment, enrollment.reject(today()), Step.REJECT, why);
        notice(saved, "ENROLLMENT_REJECTED", "rejected:" + saved.id(), Objects.requireNonNull(why));
        return saved;
    }

    /** A reviewer marks one checklist item (or clears its mark with null). */
    public Enrollment mark(
            EnrollmentId id,
            @Nullable ChecklistItem item,
            @Nullable ChecklistMark mark,
            @Nullable Long expectedVersion) {
        Enrollment enrollment = load(id, PartnerPermission.REVIEW_ENROLLMENT, expectedVersion);
        Violations violations = new Violations();
        violations.require("item", item);
        violations.throwIfAny();
        Enrollment marked = enrollment.mark(Objects.requireNonNull(item), mark);
        Enrollment saved = write(marked);
        audit(saved, enrollment, "ENROLLMENT_CHECKLIST_MARKED", item + "=" + (mark == null ? "" : mark.name()));
        return saved;
    }

    /** The partner answers the open information request, with files; the review resumes. */
    public Enrollment answer(
            EnrollmentId id, @Nullable String message, List<UploadedFile> files, @Nullable Long expectedVersion) {
        Enrollment enrollment = load(id, PartnerPermission.ANSWER_ENROLLMENT, expectedVersion);
        enrollment.require(Step.ANSWER_INFO);
        Violations violations = new Violations();
        String text = violations.requireText("message", message, InformationRequest.MAX_MESSAGE);
        attachmentRules.checkCount(files.size(), violations);
        violations.throwIfAny();
        List<AttachmentContent> accepted = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = files.get(i);
            NewAttachment attachment =
                    attachmentRules.accept(i, AttachmentRules.cleanFileName(file.fileName()), file.content());
            accepted.add(new AttachmentContent(
                    new AttachmentInfo(
                            UUID.randomUUID(),
                            attachment.fileName(),
                            attachment.type().mediaType(),
                            attachment.size(),
                            attachment.sha256()),
                    attachment.content()));
        }
        InfoRequest open = records.openInfoRequest(id)
                .orElseThrow(() -> new Conflict("ILLEGAL_TRANSITION", Step.ANSWER_INFO.name(), enrollment.status()));
        Enrollment saved = save(enrollment, enrollment.answerInfo(today()), Step.ANSWER_INFO, null);
        records.answer(
                open.id(),
                new InfoRequest.Answer(
                        Objects.requireNonNull(text),
                        clock.instant(),
                        Callers.current().username(),
                        accepted.stream().map(AttachmentContent::info).toList()),
                accepted);
        return saved;
    }

    /**
     * A credit analyst's decision: APPROVED with a credit limit in USD (a decimal string, more than
     * zero, at most two decimals), or DECLINED with a note saying why.
     */
    public Enrollment decideCredit(
            EnrollmentId id,
            @Nullable CreditDecision decision,
            @Nullable String creditLimitUsd,
            @Nullable String note,
            @Nullable Long expectedVersion) {
        Enrollment enrollment = load(id, PartnerPermission.DECIDE_CREDIT, expectedVersion);
        return decide(
                enrollment, decision, creditLimitUsd, note, Callers.current().username());
    }

    /**
     * The credit bureau's decision, arrived on its signed webhook: the same rules as an analyst's,
     * taken by the system. An enrollment no longer waiting on the check is a 409, as for anyone.
     */
    public Enrollment decideCreditForBureau(
            EnrollmentId id,
            @Nullable CreditDecision decision,
            @Nullable String creditLimitUsd,
            @Nullable String note,
            String bureau) {
        Enrollment enrollment = records.find(id).orElseThrow(() -> new NotFound("ENROLLMENT_NOT_FOUND", id.toString()));
        return decide(enrollment, decision, creditLimitUsd, note, bureau);
    }

    private Enrollment decide(
            Enrollment enrollment,
            @Nullable CreditDecision decision,
            @Nullable String creditLimitUsd,
            @Nullable String note,
            String by) {
        Violations violations = new Violations();
        violations.require("decision", decision);
        violations.throwIfAny();
        if (decision == CreditDecision.APPROVED) {
            enrollment.require(Step.APPROVE_CREDIT);
            BigDecimal limit = creditLimit(creditLimitUsd, violations);
            String why = optionalNote(note, violations);
            violations.throwIfAny();
            Enrollment saved = save(
                    enrollment,
                    enrollment.approveCredit(Objects.requireNonNull(limit), today()),
                    Step.APPROVE_CREDIT,
                    why,
                    by);
            notice(saved, "ENROLLMENT_CREDIT_APPROVED", "credit-approved:" + saved.id(), limit);
            return saved;
        }
        enrollment.require(Step.DECLINE_CREDIT);
        if (creditLimitUsd != null) {
            violations.add("creditLimitUsd", "CREDIT_LIMIT_ONLY_WHEN_APPROVED");
        }
        String why = violations.requireText("note", note, InformationRequest.MAX_MESSAGE);
        violations.throwIfAny();
        Enrollment saved = save(enrollment, enrollment.declineCredit(today()), Step.DECLINE_CREDIT, why, by);
        notice(saved, "ENROLLMENT_CREDIT_DECLINED", "credit-declined:" + saved.id(), Objects.requireNonNull(why));
        return saved;
    }

    /**
     * The Global admin accepts the current agreement; the enrollment becomes ACTIVE when every
     * REQUIRED requirement of its policy is met (422 with the reasons otherwise, nothing recorded).
     */
    public Enrollment acceptAgreement(
            EnrollmentId id,
            @Nullable String agreementVersion,
            @Nullable Boolean accepted,
            String fromAddress,
            @Nullable String userAgent,
            @Nullable Long expectedVersion) {
        Enrollment enrollment = load(id, PartnerPermission.SUBMIT_ENROLLMENT, expectedVersion);
        Violations violations = new Violations();
        String version = violations.requireText("agreementVersion", agreementVersion, 40);
        if (!Boolean.TRUE.equals(accepted)) {
            violations.add("accepted", "MUST_BE_ACCEPTED");
        }
        violations.throwIfAny();
        enrollment.require(Step.ACTIVATE);
        String current = agreements.current().version();
        if (!current.equals(version)) {
            throw new Conflict("AGREEMENT_VERSION_NOT_CURRENT", version, current);
        }
        Evaluation evaluation = evaluations.evaluate(
                enrollment.partnerId(), new Evaluations.Request(today(), enrollment.policyId(), enrollment.market()));
        var blocking = Gates.blockingActivation(evaluation.requirements());
        if (!blocking.isEmpty()) {
            throw new RequirementsNotMet(blocking);
        }
        AgreementAcceptance acceptance = new AgreementAcceptance(
                current, clock.instant(), Callers.current().username(), fromAddress, truncate(userAgent, 500));
        Enrollment saved = save(enrollment, enrollment.activate(acceptance, today()), Step.ACTIVATE, current);
        notice(saved, "ENROLLMENT_ACTIVATED", "activated:" + saved.id(), current);
        events.publishEvent(new EnrollmentActivated(saved.id(), saved.partnerId(), saved.market(), today()));
        return saved;
    }

    /** The partner (or a program admin) withdraws an enrollment that is not yet ACTIVE. */
    public Enrollment withdraw(EnrollmentId id, @Nullable String note, @Nullable Long expectedVersion) {
        Enrollment enrollment = load(id, PartnerPermission.WITHDRAW_ENROLLMENT, expectedVersion);
        Violations violations = new Violations();
        String why = optionalNote(note, violations);
        violations.throwIfAny();
        return save(enrollment, enrollment.withdraw(today()), Step.WITHDRAW, why);
    }

    /** One enrollment with everything about it, as the caller may see it. */
    @Transactional(readOnly = true)
    public EnrollmentView view(EnrollmentId id) {
        Enrollment enrollment = load(id, PartnerPermission.READ, null);
        List<InfoRequest> requests = records.infoRequests(id);
        InfoRequest open = requests.stream()
                .filter(request -> !request.answered())
                .reduce((first, later) -> later)
                .orElse(null);
        Evaluation evaluation = enrollment.evaluationId() == null
                ? null
                : evaluations.get(enrollment.partnerId(), enrollment.evaluationId());
        return new EnrollmentView(
                enrollment,
                records.history(id),
                requests,
                evaluation,
                ServiceLevel.of(enrollment, open).orElse(null),
                allowedSteps(enrollment, Callers.current()),
                today());
    }

    /** The partner's enrollments, newest first: its own users and program staff. */
    @Transactional(readOnly = true)
    public List<Enrollment> ofPartner(PartnerId partner) {
        require(PartnerPermission.READ, partner, "PARTNER_NOT_FOUND", partner.toString());
        directory.get(partner);
        return records.ofPartner(partner);
    }

    /** A file attached to an answer, for whoever may read the enrollment. */
    @Transactional(readOnly = true)
    public AttachmentContent attachment(EnrollmentId id, UUID attachmentId) {
        load(id, PartnerPermission.READ, null);
        return records.attachment(id, attachmentId)
                .orElseThrow(() -> new NotFound("ATTACHMENT_NOT_FOUND", attachmentId.toString()));
    }

    /** What the caller may do next: the steps legal from the status that its roles allow. */
    public static List<Step> allowedSteps(Enrollment enrollment, Caller caller) {
        List<Step> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            PartnerPermission permission = permissionFor(step);
            if (permission != null
                    && step.allowedFrom(enrollment.status())
                    && permission.allows(caller, enrollment.partnerId())) {
                steps.add(step);
            }
        }
        return steps;
    }

    private static @Nullable PartnerPermission permissionFor(Step step) {
        return switch (step) {
            case SUBMIT, ACTIVATE -> PartnerPermission.SUBMIT_ENROLLMENT;
            case REQUEST_INFO, VERIFY, REJECT -> PartnerPermission.REVIEW_ENROLLMENT;
            case ANSWER_INFO -> PartnerPermission.ANSWER_ENROLLMENT;
            case APPROVE_CREDIT, DECLINE_CREDIT -> PartnerPermission.DECIDE_CREDIT;
            case WITHDRAW -> PartnerPermission.WITHDRAW_ENROLLMENT;
            case CREATE, EXPIRE -> null;
        };
    }

    private Enrollment load(EnrollmentId id, PartnerPermission permission, @Nullable Long expectedVersion) {
        Enrollment enrollment = records.find(id).orElseThrow(() -> new NotFound("ENROLLMENT_NOT_FOUND", id.toString()));
        require(permission, enrollment.partnerId(), "ENROLLMENT_NOT_FOUND", id.toString());
        if (expectedVersion != null && expectedVersion != enrollment.version()) {
            throw new Conflict("STALE_VERSION");
        }
        return enrollment;
    }

    private static void require(PartnerPermission permission, PartnerId partner, String notFound, String id) {
        switch (permission.decide(Callers.current(), partner)) {
            case HIDDEN -> throw new NotFound(notFound, id);
            case DENIED -> throw new AccessDeniedException(permission.name());
            case ALLOWED -> {}
        }
    }

    private Enrollment save(Enrollment before, Enrollment after, Step step, @Nullable String note) {
        return save(before, after, step, note, Callers.current().username());
    }

    /** Writes a step: the enrollment over the version read, its history entry, its audit entry. */
    Enrollment save(Enrollment before, Enrollment after, Step step, @Nullable String note, String by) {
        Enrollment saved = write(after);
        records.addHistory(saved.id(), new HistoryEntry(step, saved.status(), clock.instant(), by, note));
        audit(saved, before, "ENROLLMENT_" + step.name(), note);
        return saved;
    }

    private Enrollment write(Enrollment after) {
        return records.update(after).orElseThrow(() -> new Conflict("STALE_VERSION"));
    }

    private void history(Enrollment enrollment, Step step, @Nullable String note) {
        records.addHistory(
                enrollment.id(),
                new HistoryEntry(
                        step,
                        enrollment.status(),
                        clock.instant(),
                        Callers.current().username(),
                        note));
    }

    private void audit(Enrollment after, @Nullable Enrollment before, String action, @Nullable String why) {
        events.publishEvent(new AuditEvent(
                        after.partnerId().toString(), AUDIT_TYPE, after.id().toString(), action, before, after, null)
                .because(why));
    }

    void notice(Enrollment enrollment, String kind, String key, Object... arguments) {
        List<Object> values = new ArrayList<>();
        values.add(enrollment.market());
        values.addAll(List.of(arguments));
        events.publishEvent(new PartnerNotice(
                enrollment.partnerId().value(), kind, key, values, "/enrollments/" + enrollment.id()));
    }

    private static @Nullable BigDecimal creditLimit(@Nullable String text, Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add("creditLimitUsd", "REQUIRED");
            return null;
        }
        BigDecimal limit;
        try {
            limit = new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            violations.add("creditLimitUsd", "INVALID_CREDIT_LIMIT", text);
            return null;
        }
        if (limit.signum() <= 0 || limit.scale() > 2 || limit.compareTo(MAX_CREDIT_LIMIT) >= 0) {
            violations.add("creditLimitUsd", "INVALID_CREDIT_LIMIT", text);
            return null;
        }
        return limit.setScale(2);
    }

    private static @Nullable String optionalNote(@Nullable String note, Violations violations) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > InformationRequest.MAX_MESSAGE) {
            violations.add("note", "TOO_LONG", InformationRequest.MAX_MESSAGE);
            return null;
        }
        return note.strip();
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    Optional<Enrollment> find(EnrollmentId id) {
        return records.find(id);
    }
}
