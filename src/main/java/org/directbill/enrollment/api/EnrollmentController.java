package org.directbill.enrollment.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.directbill.enrollment.EnrollmentQueue;
import org.directbill.enrollment.EnrollmentTimers;
import org.directbill.enrollment.EnrollmentWorkflow;
import org.directbill.enrollment.EnrollmentWorkflow.CreditDecision;
import org.directbill.enrollment.EnrollmentWorkflow.ReviewDecision;
import org.directbill.enrollment.domain.ChecklistItem;
import org.directbill.enrollment.domain.ChecklistMark;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.partner.domain.PartnerId;
import org.directbill.revenue.domain.AttachmentRules;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * The enrollments of api.md. Every step answers the whole enrollment after it. A step may carry the
 * {@code version} the caller read (in the body or as {@code If-Match}): a change made meanwhile is
 * then 409 {@code STALE_VERSION} rather than a decision taken on a page that was out of date.
 */
@RestController
@RequestMapping("/api/v1")
class EnrollmentController {

    private final EnrollmentWorkflow workflow;
    private final EnrollmentQueue queue;
    private final EnrollmentTimers timers;
    private final Localized localized;

    EnrollmentController(
            EnrollmentWorkflow workflow, EnrollmentQueue queue, EnrollmentTimers timers, Localized localized) {
        this.workflow = workflow;
        this.queue = queue;
        this.timers = timers;
        this.localized = localized;
    }

    record StartBody(@Nullable String partnerId, @Nullable String market) {}

    record VersionBody(@Nullable Long version, @Nullable String note) {}

    record ReviewBody(
            @Nullable ReviewDecision decision,
            @Nullable String note,
            @Nullable LocalDate dueDate,
            @Nullable Long version) {}

    record ChecklistBody(
            @Nullable ChecklistItem item,
            @Nullable ChecklistMark mark,
            @Nullable Long version) {}

    record AnswerBody(@Nullable String message, @Nullable Long version) {}

    /** {@code creditLimitUsd} is read as any JSON so that a number is refused by name, not coerced. */
    record CreditBody(
            @Nullable CreditDecision decision,
            @Nullable JsonNode creditLimitUsd,
            @Nullable String note,
            @Nullable Long version) {}

    record AgreementBody(
            @Nullable String agreementVersion,
            @Nullable Boolean accepted,
            @Nullable Long version) {}

    record TimerRunBody(@Nullable LocalDate asOf) {}

    @PostMapping("/enrollments")
    ResponseEntity<EnrollmentResponse> start(@RequestBody StartBody body) {
        Violations violations = new Violations();
        violations.require("partnerId", body.partnerId());
        violations.throwIfAny();
        PartnerId partner = PartnerId.parse(body.partnerId())
                .orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", body.partnerId()));
        Enrollment started = workflow.start(partner, body.market());
        return ResponseEntity.created(URI.create("/api/v1/enrollments/" + started.id()))
                .body(view(started.id()));
    }

    @GetMapping("/enrollments/{id}")
    EnrollmentResponse get(@PathVariable String id) {
        return view(id(id));
    }

    /** The operations queue: {@code status} (one or more, comma-separated) and {@code overdue}. */
    @GetMapping("/enrollments")
    Page<QueueEntryResponse> list(
            @RequestParam(required = false) @Nullable List<EnrollmentStatus> status,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Set<EnrollmentStatus> statuses =
                status == null || status.isEmpty() ? EnumSet.noneOf(EnrollmentStatus.class) : EnumSet.copyOf(status);
        return queue.list(statuses, overdue, Page.Request.of(page, size)).map(QueueEntryResponse::of);
    }

    @GetMapping("/partners/{id}/enrollments")
    List<EnrollmentSummary> ofPartner(@PathVariable String id) {
        PartnerId partner = PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
        return workflow.ofPartner(partner).stream().map(EnrollmentSummary::of).toList();
    }

    @PostMapping("/enrollments/{id}/submit")
    EnrollmentResponse submit(
            @PathVariable String id,
            @RequestBody(required = false) @Nullable VersionBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return view(workflow.submit(id(id), version(body == null ? null : body.version(), ifMatch))
                .id());
    }

    @PostMapping("/enrollments/{id}/review")
    EnrollmentResponse review(
            @PathVariable String id,
            @RequestBody ReviewBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return view(
                workflow.review(id(id), body.decision(), body.note(), body.dueDate(), version(body.version(), ifMatch))
                        .id());
    }

    @PostMapping("/enrollments/{id}/checklist")
    EnrollmentResponse checklist(
            @PathVariable String id,
            @RequestBody ChecklistBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return view(workflow.mark(id(id), body.item(), body.mark(), version(body.version(), ifMatch))
                .id());
    }

    @PostMapping(value = "/enrollments/{id}/info-response", consumes = MediaType.APPLICATION_JSON_VALUE)
    EnrollmentResponse answer(
            @PathVariable String id,
            @RequestBody AnswerBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return view(workflow.answer(id(id), body.message(), List.of(), version(body.version(), ifMatch))
                .id());
    }

    /** The answer as a browser or curl sends it: the text in {@code message}, the files in {@code files}. */
    @PostMapping(value = "/enrollments/{id}/info-response", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    EnrollmentResponse answerWithFiles(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String message,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(required = false) @Nullable Long version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return view(workflow.answer(id(id), message, uploads(files), version(version, ifMatch))
                .id());
    }

    @GetMapping("/enrollments/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
        return AttachmentDownload.of(workflow.attachment(id(id), AttachmentDownload.id(attachmentId)));
    }

    @PostMapping("/enrollments/{id}/credit-decision")
    EnrollmentResponse creditDecision(
            @PathVariable String id,
            @RequestBody CreditBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return view(workflow.decideCredit(
                        id(id),
                        body.decision(),
                        money("creditLimitUsd", body.creditLimitUsd()),
                        body.note(),
                        version(body.version(), ifMatch))
                .id());
    }

    @PostMapping("/enrollments/{id}/agreement")
    EnrollmentResponse agreement(
            @PathVariable String id,
            @RequestBody AgreementBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            HttpServletRequest request) {
        return view(workflow.acceptAgreement(
                        id(id),
                        body.agreementVersion(),
                        body.accepted(),
                        request.getRemoteAddr(),
                        request.getHeader(HttpHeaders.USER_AGENT),
                        version(body.version(), ifMatch))
                .id());
    }

    @PostMapping("/enrollments/{id}/withdraw")
    EnrollmentResponse withdraw(
            @PathVariable String id,
            @RequestBody(required = false) @Nullable VersionBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return view(workflow.withdraw(
                        id(id),
                        body == null ? null : body.note(),
                        version(body == null ? null : body.version(), ifMatch))
                .id());
    }

    /** Runs the enrollment timers for a date (program admin): what the daily job does for today. */
    @PostMapping("/enrollments/timer-runs")
    EnrollmentTimers.Run runTimers(@RequestBody TimerRunBody body) {
        Violations violations = new Violations();
        violations.require("asOf", body.asOf());
        violations.throwIfAny();
        return timers.runAsProgramAdmin(body.asOf());
    }

    private EnrollmentResponse view(EnrollmentId id) {
        return EnrollmentResponse.of(workflow.view(id), localized);
    }

    static EnrollmentId id(String id) {
        return EnrollmentId.parse(id).orElseThrow(() -> new NotFound("ENROLLMENT_NOT_FOUND", id));
    }

    /** The version from the body, else from {@code If-Match} (a number, quoted or not, as an ETag). */
    /** Money is a decimal string (api.md): a JSON number is refused, naming the field. */
    static @Nullable String money(String field, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            new Violations().add(field, "AMOUNT_NOT_A_STRING", value.asString()).throwIfAny();
        }
        if (!value.isString()) {
            new Violations().add(field, "INVALID_VALUE", field).throwIfAny();
        }
        return value.asString();
    }

    static @Nullable Long version(@Nullable Long fromBody, @Nullable String ifMatch) {
        if (fromBody != null || ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notAVersion) {
            new Violations().add("If-Match", "INVALID_VALUE", ifMatch).throwIfAny();
            return null;
        }
    }

    static List<EnrollmentWorkflow.UploadedFile> uploads(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        AttachmentRules rules = AttachmentRules.defaults();
        List<EnrollmentWorkflow.UploadedFile> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            // The announced size first: a file too large is refused before it is read into memory.
            rules.checkSize(AttachmentRules.cleanFileName(file.getOriginalFilename()), file.getSize());
            try {
                uploads.add(new EnrollmentWorkflow.UploadedFile(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
