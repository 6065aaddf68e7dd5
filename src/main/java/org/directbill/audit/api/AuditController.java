package org.directbill.audit.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.directbill.audit.AuditEntry;
import org.directbill.audit.AuditLog;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for program admins: {@code GET /api/v1/audit?subject=…}. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasRole('PROGRAM_ADMIN')")
    Page<Entry> find(
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return log.find(subject, Page.Request.of(page, size)).map(Entry::of);
    }

    /** An entry with its before and after states as JSON objects, not strings. */
    record Entry(
            long id,
            java.time.Instant at,
            String actor,
            String subject,
            String subjectType,
            String subjectId,
            String action,
            @JsonRawValue @Nullable String before,
            @JsonRawValue @Nullable String after,
            @Nullable String reason) {

        static Entry of(AuditEntry e) {
            return new Entry(
                    e.id(),
                    e.at(),
                    e.actor(),
                    e.subject(),
                    e.subjectType(),
                    e.subjectId(),
                    e.action(),
                    e.before(),
                    e.after(),
                    e.reason());
        }
    }
}
