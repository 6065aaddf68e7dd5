package org.directbill.revenue.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.directbill.revenue.LedgerImports;
import org.directbill.revenue.domain.FileFormat;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.ImportStatus;
import org.directbill.revenue.domain.LedgerImport;
import org.directbill.shared.Page;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ledger rows of api.md's Revenue table: ledger and payments files in (202 and a job to
 * follow), the jobs, and the rebuild of the rollups.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerImportController {

    static final MediaType TEXT_CSV = LedgerFileFormats.TEXT_CSV;
    static final MediaType TEXT_TSV = LedgerFileFormats.TEXT_TSV;

    private final LedgerImports imports;
    private final Localized localized;

    LedgerImportController(LedgerImports imports, Localized localized) {
        this.imports = imports;
        this.localized = localized;
    }

    /** What a submission answers: the job and where to follow it. */
    record Accepted(UUID id, ImportStatus status) {}

    @PostMapping(
            path = "/imports",
            consumes = {"text/csv", "text/tab-separated-values"})
    ResponseEntity<Accepted> ledgerBody(HttpServletRequest request, InputStream body) {
        return accepted(imports.submit(
                ImportKind.LEDGER, LedgerFileFormats.ofContentType(request.getContentType()), null, body));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> ledgerPart(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        return accepted(submitPart(ImportKind.LEDGER, file));
    }

    @PostMapping(
            path = "/payments",
            consumes = {"text/csv", "text/tab-separated-values"})
    ResponseEntity<Accepted> paymentsBody(HttpServletRequest request, InputStream body) {
        return accepted(imports.submit(
                ImportKind.PAYMENTS, LedgerFileFormats.ofContentType(request.getContentType()), null, body));
    }

    @PostMapping(path = "/payments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> paymentsPart(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        return accepted(submitPart(ImportKind.PAYMENTS, file));
    }

    /** Any other body: 415, answered here so that it is a problem document naming what is accepted. */
    @PostMapping(path = {"/imports", "/payments"})
    void otherMediaType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        throw new HttpMediaTypeNotSupportedException(
                contentType(request), List.of(TEXT_CSV, TEXT_TSV, MediaType.MULTIPART_FORM_DATA), HttpMethod.POST);
    }

    @GetMapping("/imports/{id}")
    ImportResponse get(@PathVariable UUID id) {
        return ImportResponse.of(imports.get(id), localized);
    }

    @GetMapping("/imports")
    Page<ImportResponse> history(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page<LedgerImport> jobs = imports.history(Page.Request.of(page, size));
        return new Page<>(
                jobs.items().stream()
                        .map(job -> ImportResponse.of(job, localized))
                        .toList(),
                jobs.page(),
                jobs.size(),
                jobs.total());
    }

    record RebuildResponse(long groups) {}

    @PostMapping("/rollups/rebuild")
    RebuildResponse rebuild() {
        return new RebuildResponse(imports.rebuildRollups());
    }

    private LedgerImport submitPart(ImportKind kind, @Nullable MultipartFile file) throws IOException {
        if (file == null) {
            throw new InvalidInput(List.of(Violation.of("file", "REQUIRED")));
        }
        try (InputStream in = file.getInputStream()) {
            return imports.submit(kind, LedgerFileFormats.ofPart(file), file.getOriginalFilename(), in);
        }
    }

    private static ResponseEntity<Accepted> accepted(LedgerImport job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/ledger/imports/" + job.id()))
                .body(new Accepted(job.id(), job.status()));
    }

    private static @Nullable MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException garbled) {
            return null;
        }
    }

    /** A job as api.md shows it, with what a person following it also wants to know. */
    record ImportResponse(
            UUID id,
            ImportKind kind,
            ImportStatus status,
            @Nullable String fileName,
            FileFormat format,
            int percentDone,
            long bytesTotal,
            long bytesRead,
            String submittedBy,
            Instant submittedAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            long linesRead,
            long linesImported,
            long linesDuplicate,
            long linesPaidUpdated,
            long errorCount,
            @Nullable String failure,
            @Nullable String failureMessage,
            List<LedgerFileErrors.Message> errors,
            List<LedgerFileErrors.Message> warnings) {

        static ImportResponse of(LedgerImport job, Localized localized) {
            return new ImportResponse(
                    job.id(),
                    job.kind(),
                    job.status(),
                    job.fileName(),
                    job.format(),
                    job.percentDone(),
                    job.bytesTotal(),
                    job.bytesRead(),
                    job.submittedBy(),
                    job.submittedAt(),
                    job.startedAt(),
                    job.finishedAt(),
                    job.linesRead(),
                    job.linesImported(),
                    job.linesDuplicate(),
                    job.linesPaidUpdated(),
                    job.errorCount(),
                    job.failure(),
                    job.failure() == null ? null : localized.text("ledger.failure." + job.failure()),
                    LedgerFileErrors.of(job.errors(), localized),
                    LedgerFileErrors.of(job.warnings(), localized));
        }
    }
}
