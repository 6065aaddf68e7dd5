package org.directbill.revenue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.Role;
import org.directbill.revenue.domain.AttachmentRules;
import org.directbill.revenue.domain.CaseMessage;
import org.directbill.revenue.domain.CaseSale;
import org.directbill.revenue.domain.CaseStatus;
import org.directbill.revenue.domain.CaseSummary;
import org.directbill.revenue.domain.InformationRequest;
import org.directbill.revenue.domain.NewAttachment;
import org.directbill.revenue.domain.SaleDecision;
import org.directbill.revenue.domain.SaleSelection;
import org.directbill.revenue.domain.SalesDecision;
import org.directbill.revenue.domain.StoredAttachment;
import org.directbill.revenue.domain.VerificationCase;
import org.directbill.revenue.domain.VerificationCaseId;
import org.directbill.revenue.domain.VerificationCases;
import org.directbill.shared.Page;
import org.directbill.shared.audit.AuditEvent;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.Forbidden;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The verification of sales (domain.md, "Verification of sales"): reviewers select a partner's
 * sales into a case, ask the partner for information with a due date, read its answers and
 * attachments, and decide each sale VERIFIED or REJECTED. A selected sale counts as OPEN in the
 * revenue until it is decided; a rejected one leaves it. Each use case checks who may do it
 * first ({@link PartnerPermission}), and every step is audited in its transaction.
 */
@Service
@Transactional
public class SalesVerification {

    /** The audit log's subject type of a case; the subject is its partner. */
    public static final String AUDIT_TYPE = "SALES_VERIFICATION";

    private static final Set<CaseStatus> NOT_CLOSED =
            EnumSet.of(CaseStatus.OPEN, CaseStatus.INFO_REQUESTED, CaseStatus.ANSWERED);

    private final VerificationCases cases;
    private final PartnerDirectory directory;
    private final AttachmentRules attachmentRules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesVerification(
            VerificationCases cases,
            PartnerDirectory directory,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${directbill.revenue.verification.max-attachment-size:10MB}") DataSize maxAttachmentSize,
            @Value("${directbill.revenue.verification.max-attachments:5}") int maxAttachments) {
        this.cases = cases;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.attachmentRules = new AttachmentRules(maxAttachmentSize.toBytes(), maxAttachments);
    }

    /** What a selection asks for: invoices and/or lines, and optionally a first request for information. */
    public record Opening(
            @Nullable List<@Nullable String> invoiceIds,
            @Nullable List<@Nullable String> lineIds,
            @Nullable String message,
            @Nullable LocalDate dueDate) {}

    /** A case with everything a reviewer or the partner reads on it. */
    public record CaseView(
            VerificationCase verificationCase, CaseSummary summary, List<CaseSale> sales, List<CaseMessage> messages) {

        public VerificationCaseId id() {
            return verificationCase.id();
        }
    }

    /** A file of an answer as it arrives: the name the client gave, the size it announces, its bytes. */
    public record Upload(@Nullable String fileName, long size, InputStreamSource content) {}

    /** What an answer may carry (size and number of files). */
    public AttachmentRules attachmentRules() {
        return attachmentRules;
    }

    /**
     * Opens a case on sales of a partner (reviewers and program admins). Every selected line must be
     * the partner's (else 400, naming each), and none may be in a case still open (409).
     */
    public CaseView open(PartnerId partnerId, Opening opening) {
        Caller caller = require(PartnerPermission.REVIEW_SALES, partnerId);
        Set<String> locations = directory.get(partnerId).locations().stream()
                .map(Location::locationId)
                .collect(Collectors.toSet());
        Violations violations = new Violations();
        SaleSelection selection = SaleSelection.validate(opening.invoiceIds(), opening.lineIds(), violations);
        boolean idsValid = violations.isEmpty();
        InformationRequest request =
                InformationRequest.optional(opening.message(), opening.dueDate(), today(), violations);
        // Unknown sales are reported with the other mistakes, so that one answer lists them all.
        List<String> lineIds = idsValid
                ? selection.resolve(
                        cases.lockCandidates(new TreeSet<>(selection.invoiceIds()), new TreeSet<>(selection.lineIds())),
                        locations,
                        violations)
                : List.of();
        violations.throwIfAny();
        Set<String> busy = cases.inOpenCases(lineIds);
        if (!busy.isEmpty()) {
            throw new Conflict("SALE_UNDER_VERIFICATION", String.join(", ", new TreeSet<>(busy)));
        }
        VerificationCase opened = VerificationCase.open(
                VerificationCaseId.random(), partnerId, lineIds, request, clock.instant(), caller.username());
        cases.add(opened);
        audit(opened, "SALES_VERIFICATION_OPENED", null, Map.of("lineIds", lineIds, "status", opened.status()));
        if (request != null) {
            addRequest(opened, request, caller);
        }
        return view(opened);
    }

    /** A partner's cases in the queue's order (overdue first, then by due date); all statuses unless one is named. */
    @Transactional(readOnly = true)
    public Page<CaseSummary> ofPartner(PartnerId partnerId, @Nullable CaseStatus status, Page.Request page) {
        require(PartnerPermission.READ_SALES_VERIFICATIONS, partnerId);
        directory.get(partnerId);
        return cases.search(
                partnerId, status == null ? EnumSet.allOf(CaseStatus.class) : EnumSet.of(status), today(), page);
    }

    /**
     * The program staff's queue: cases of every partner, those not closed unless a status is named;
     * overdue first, then by due date.
     */
    @Transactional(readOnly = true)
    public Page<CaseSummary> queue(@Nullable CaseStatus status, Page.Request page) {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        return cases.search(null, status == null ? NOT_CLOSED : EnumSet.of(status), today(), page);
    }

    @Transactional(readOnly = true)
    public CaseView get(VerificationCaseId id) {
        VerificationCase found = cases.find(id).orElseThrow(() -> caseNotFound(id));
        require(PartnerPermission.READ_SALES_VERIFICATIONS, found.partnerId(), () -> caseNotFound(id));
        return view(found);
    }

    /** Asks the partner for information by a due date (reviewers and program admins). */
    public CaseView requestInformation(VerificationCaseId id, @Nullable String message, @Nullable LocalDate dueDate) {
        VerificationCase before = cases.find(id).orElseThrow(() -> caseNotFound(id));
        Caller caller = require(PartnerPermission.REVIEW_SALES, before.partnerId(), () -> caseNotFound(id));
        InformationRequest request = InformationRequest.validate(message, dueDate, today());
        VerificationCase current = lock(id);
        VerificationCase after = current.requestInformation(request);
        cases.update(after, List.of());
        addRequest(after, request, caller);
        return view(after);
    }

    private void addRequest(VerificationCase on, InformationRequest request, Caller caller) {
        CaseMessage message = CaseMessage.request(request, clock.instant(), caller.username());
        cases.addMessage(on.id(), message, List.of());
        audit(
                on,
                "SALES_VERIFICATION_INFO_REQUESTED",
                null,
                Map.of(
                        "message",
                        request.message(),
                        "dueDate",
                        request.dueDate().toString()));
    }

    /**
     * The partner answers with a message and up to {@link AttachmentRules#maxFiles()} files: each one
     * not larger than allowed (413) and a PDF, PNG, JPEG, text or CSV file by its content (415).
     */
    public CaseView answer(VerificationCaseId id, @Nullable String message, List<Upload> files) {
        VerificationCase before = cases.find(id).orElseThrow(() -> caseNotFound(id));
        Caller caller =
                require(PartnerPermission.ANSWER_SALES_VERIFICATIONS, before.partnerId(), () -> caseNotFound(id));
        List<Upload> uploads = files.stream().filter(SalesVerification::chosen).toList();
        Violations violations = new Violations();
        String text = violations.requireText("message", message, InformationRequest.MAX_MESSAGE);
        attachmentRules.checkCount(uploads.size(), violations);
        violations.throwIfAny();
        VerificationCase current = lock(id);
        VerificationCase after = current.answer();
        List<NewAttachment> accepted = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            accepted.add(read(i, uploads.get(i)));
        }
        CaseMessage answer =
                CaseMessage.answer(Objects.requireNonNull(text), accepted, clock.instant(), caller.username());
        cases.update(after, List.of());
        cases.addMessage(id, answer, accepted);
        audit(
                after,
                "SALES_VERIFICATION_ANSWERED",
                null,
                Map.of(
                        "message",
                        answer.text(),
                        "attachments",
                        accepted.stream()
                                .map(file -> Map.of(
                                        "fileName", file.fileName(),
                                        "type", file.type().name(),
                                        "size", file.size(),
                                        "sha256", file.sha256()))
                                .toList(),
                        "status",
                        after.status()));
        return view(after);
    }

    /** A browser sends an empty part for a file input left empty: that is no file. */
    private static boolean chosen(Upload upload) {
        return upload.size() > 0
                || (upload.fileName() != null && !upload.fileName().isBlank());
    }

    private NewAttachment read(int index, Upload upload) {
        String name = AttachmentRules.cleanFileName(upload.fileName());
        attachmentRules.checkSize(name, upload.size());
        try (InputStream in = upload.content().getInputStream()) {
            // One byte more than allowed tells a file larger than it announced.
            byte[] content = in.readNBytes((int) attachmentRules.maxBytes() + 1);
            return attachmentRules.accept(index, name, content);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("reading an uploaded file", unreadable);
        }
    }

    /** An attachment with its content, for whoever may read the case. */
    @Transactional(readOnly = true)
    public StoredAttachment attachment(VerificationCaseId id, UUID attachmentId) {
        VerificationCase found = cases.find(id).orElseThrow(() -> caseNotFound(id));
        require(PartnerPermission.READ_SALES_VERIFICATIONS, found.partnerId(), () -> caseNotFound(id));
        return cases.attachment(id, attachmentId)
                .orElseThrow(() -> new NotFound("ATTACHMENT_NOT_FOUND", attachmentId.toString()));
    }

    /**
     * Decides sales of a case (reviewers and program admins): the named lines, or every line still
     * open when none is named. The ledger and its rollups follow in the same transaction; the case
     * closes when every sale is decided.
     */
    public CaseView decide(
            VerificationCaseId id,
            @Nullable List<@Nullable String> lineIds,
            @Nullable SaleDecision decision,
            @Nullable String reason) {
        VerificationCase before = cases.find(id).orElseThrow(() -> caseNotFound(id));
        Caller caller = require(PartnerPermission.REVIEW_SALES, before.partnerId(), () -> caseNotFound(id));
        SalesDecision valid = SalesDecision.validate(lineIds, decision, reason);
        VerificationCase current = lock(id);
        VerificationCase.Decided decided = current.decide(valid, clock.instant(), caller.username());
        cases.update(decided.after(), decided.lineIds());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", valid.decision());
        after.put("lineIds", decided.lineIds());
        after.put("status", decided.after().status());
        events.publishEvent(AuditEvent.changed(
                        current.partnerId().toString(),
                        AUDIT_TYPE,
                        id.toString(),
                        "SALES_DECIDED",
                        Map.of("status", current.status()),
                        after)
                .because(valid.reason()));
        return view(decided.after());
    }

    private VerificationCase lock(VerificationCaseId id) {
        return cases.findForUpdate(id).orElseThrow(() -> caseNotFound(id));
    }

    private CaseView view(VerificationCase verificationCase) {
        return new CaseView(
                verificationCase,
                cases.summary(verificationCase, today()),
                cases.sales(verificationCase),
                cases.messages(verificationCase.id()));
    }

    private void audit(VerificationCase on, String action, @Nullable Object before, Object after) {
        events.publishEvent(
                new AuditEvent(on.partnerId().toString(), AUDIT_TYPE, on.id().toString(), action, before, after, null));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static NotFound caseNotFound(VerificationCaseId id) {
        return new NotFound("VERIFICATION_CASE_NOT_FOUND", id.toString());
    }

    private Caller require(PartnerPermission permission, PartnerId partnerId) {
        return require(permission, partnerId, () -> new NotFound("PARTNER_NOT_FOUND", partnerId.toString()));
    }

    /** Checks the caller's permission; another partner's user hears "not found", as for a case that does not exist. */
    private Caller require(PartnerPermission permission, PartnerId partnerId, Supplier<NotFound> hidden) {
        Caller caller = Callers.current();
        switch (permission.decide(caller, partnerId)) {
            case HIDDEN -> throw hidden.get();
            case DENIED -> throw new Forbidden("FORBIDDEN");
            case ALLOWED -> {}
        }
        return caller;
    }
}
