package org.directbill.revenue.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.directbill.partner.domain.PartnerId;
import org.directbill.revenue.SalesVerification;
import org.directbill.revenue.domain.CaseMessage;
import org.directbill.revenue.domain.CaseSale;
import org.directbill.revenue.domain.CaseStatus;
import org.directbill.revenue.domain.CaseSummary;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.SaleDecision;
import org.directbill.revenue.domain.VerificationCaseId;
import org.directbill.revenue.domain.VerificationState;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The verification of sales over HTTP: reviewers open cases on a partner's sales, ask for
 * information and decide each sale; the partner reads its cases and answers with files.
 */
@RestController
@RequestMapping("/api/v1")
class SalesVerificationController {

    private final SalesVerification verification;

    SalesVerificationController(SalesVerification verification) {
        this.verification = verification;
    }

    static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }

    static VerificationCaseId caseId(String id) {
        return VerificationCaseId.parse(id).orElseThrow(() -> new NotFound("VERIFICATION_CASE_NOT_FOUND", id));
    }

    record OpenBody(
            @Nullable List<@Nullable String> invoiceIds,
            @Nullable List<@Nullable String> lineIds,
            @Nullable String message,
            @Nullable LocalDate dueDate) {}

    @PostMapping("/partners/{id}/sales-verifications")
    ResponseEntity<CaseResponse> open(@PathVariable String id, @RequestBody OpenBody body) {
        SalesVerification.CaseView opened = verification.open(
                partnerId(id),
                new SalesVerification.Opening(body.invoiceIds(), body.lineIds(), body.message(), body.dueDate()));
        return ResponseEntity.created(URI.create("/api/v1/sales-verifications/" + opened.id()))
                .body(CaseResponse.of(opened));
    }

    @GetMapping("/partners/{id}/sales-verifications")
    Page<SummaryResponse> ofPartner(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return verification
                .ofPartner(partnerId(id), status, Page.Request.of(page, size))
                .map(SummaryResponse::of);
    }

    @GetMapping("/sales-verifications")
    Page<SummaryResponse> queue(
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return verification.queue(status, Page.Request.of(page, size)).map(SummaryResponse::of);
    }

    @GetMapping("/sales-verifications/{caseId}")
    CaseResponse get(@PathVariable String caseId) {
        return CaseResponse.of(verification.get(caseId(caseId)));
    }

    record InformationRequestBody(
            @Nullable String message, @Nullable LocalDate dueDate) {}

    @PostMapping("/sales-verifications/{caseId}/requests")
    CaseResponse requestInformation(@PathVariable String caseId, @RequestBody InformationRequestBody body) {
        return CaseResponse.of(verification.requestInformation(caseId(caseId), body.message(), body.dueDate()));
    }

    /** The answer as a browser or curl sends it: the text in {@code message}, the files in {@code files}. */
    @PostMapping(value = "/sales-verifications/{caseId}/answers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CaseResponse answer(
            @PathVariable String caseId,
            @RequestParam(required = false) @Nullable String message,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
        return CaseResponse.of(verification.answer(caseId(caseId), message, uploads(files)));
    }

    record AnswerBody(@Nullable String message) {}

    /** An answer without files may come as JSON too. */
    @PostMapping(value = "/sales-verifications/{caseId}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResponse answerText(@PathVariable String caseId, @RequestBody AnswerBody body) {
        return CaseResponse.of(verification.answer(caseId(caseId), body.message(), List.of()));
    }

    static List<SalesVerification.Upload> uploads(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .map(file -> new SalesVerification.Upload(file.getOriginalFilename(), file.getSize(), file))
                .toList();
    }

    /** Served as a download whatever its kind, with the type read from its content, never sniffed again. */
    @GetMapping("/sales-verifications/{caseId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String caseId, @PathVariable String attachmentId) {
        return AttachmentDownload.of(verification.attachment(caseId(caseId), AttachmentDownload.id(attachmentId)));
    }

    record DecisionBody(
            @Nullable List<@Nullable String> lineIds,
            @Nullable SaleDecision decision,
            @Nullable String reason) {}

    @PostMapping("/sales-verifications/{caseId}/decisions")
    CaseResponse decide(@PathVariable String caseId, @RequestBody DecisionBody body) {
        return CaseResponse.of(verification.decide(caseId(caseId), body.lineIds(), body.decision(), body.reason()));
    }

    // ---------------------------------------------------------------------------------------------

    record AmountResponse(String currency, String amount) {
        static List<AmountResponse> of(List<CaseSummary.CurrencyAmount> amounts) {
            return amounts.stream()
                    .map(amount -> new AmountResponse(amount.currency(), amount.plain()))
                    .toList();
        }
    }

    /** A case in a list. Amounts are per currency, as decimal strings. */
    record SummaryResponse(
            String id,
            String partnerId,
            CaseStatus status,
            @Nullable LocalDate dueDate,
            boolean overdue,
            Instant openedAt,
            String openedBy,
            @Nullable Instant closedAt,
            CaseSummary.Counts sales,
            List<AmountResponse> amounts) {
        static SummaryResponse of(CaseSummary s) {
            return new SummaryResponse(
                    s.id().toString(),
                    s.partnerId().toString(),
                    s.status(),
                    s.dueDate(),
                    s.overdue(),
                    s.openedAt(),
                    s.openedBy(),
                    s.closedAt(),
                    s.sales(),
                    AmountResponse.of(s.amounts()));
        }
    }

    record LineResponse(
            String lineId,
            String invoiceId,
            String locationId,
            String customerId,
            ProductCategory productCategory,
            @Nullable String productName,
            LocalDate billingDate,
            @Nullable LocalDate paidDate,
            String amount,
            String currency,
            VerificationState state,
            @Nullable String reason,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy) {
        static LineResponse of(CaseSale sale) {
            return new LineResponse(
                    sale.lineId(),
                    sale.invoiceId(),
                    sale.locationId(),
                    sale.customerId(),
                    sale.category(),
                    sale.productName(),
                    sale.billingDate(),
                    sale.paidDate(),
                    sale.plainAmount(),
                    sale.currency(),
                    sale.decision().state(),
                    sale.decision().reason(),
                    sale.decision().decidedAt(),
                    sale.decision().decidedBy());
        }
    }

    record AttachmentResponse(String id, String fileName, String contentType, long size, String href) {}

    record MessageResponse(
            String id,
            CaseMessage.Kind kind,
            String message,
            @Nullable LocalDate dueDate,
            Instant writtenAt,
            String writtenBy,
            List<AttachmentResponse> attachments) {
        static MessageResponse of(String caseId, CaseMessage m) {
            return new MessageResponse(
                    m.id().toString(),
                    m.kind(),
                    m.text(),
                    m.dueDate(),
                    m.writtenAt(),
                    m.writtenBy(),
                    m.attachments().stream()
                            .map(a -> new AttachmentResponse(
                                    a.id().toString(),
                                    a.fileName(),
                                    a.type().mediaType(),
                                    a.size(),
                                    "/api/v1/sales-verifications/" + caseId + "/attachments/" + a.id()))
                            .toList());
        }
    }

    /** A case with its sales (lines) and its messages, oldest first. */
    record CaseResponse(
            String id,
            String partnerId,
            CaseStatus status,
            @Nullable LocalDate dueDate,
            boolean overdue,
            Instant openedAt,
            String openedBy,
            @Nullable Instant closedAt,
            CaseSummary.Counts sales,
            List<AmountResponse> amounts,
            List<LineResponse> lines,
            List<MessageResponse> messages) {
        static CaseResponse of(SalesVerification.CaseView view) {
            CaseSummary s = view.summary();
            String id = s.id().toString();
            return new CaseResponse(
                    id,
                    s.partnerId().toString(),
                    s.status(),
                    s.dueDate(),
                    s.overdue(),
                    s.openedAt(),
                    s.openedBy(),
                    s.closedAt(),
                    s.sales(),
                    AmountResponse.of(s.amounts()),
                    view.sales().stream().map(LineResponse::of).toList(),
                    view.messages().stream().map(m -> MessageResponse.of(id, m)).toList());
        }
    }
}
