package org.directbill.audit.web;

import org.directbill.audit.AuditLog;
import org.directbill.shared.Page;
import org.directbill.shared.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page for program admins, filtered by subject. */
@PageController
class AuditPage {

    private final AuditLog log;

    AuditPage(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('PROGRAM_ADMIN')")
    String show(
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "0") int page, Model model) {
        var entries = log.find(subject, Page.Request.of(Math.max(page, 0), 50));
        model.addAttribute("subject", subject);
        model.addAttribute("entries", entries);
        return "audit/list";
    }
}
