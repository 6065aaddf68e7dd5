package org.directbill.revenue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Role;
import org.directbill.revenue.LedgerImports;
import org.directbill.revenue.api.LedgerFileErrors;
import org.directbill.revenue.api.LedgerFileFormats;
import org.directbill.revenue.domain.FileErrors;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.InvalidFileHeader;
import org.directbill.revenue.domain.LedgerImport;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger imports for people: the upload form (program admins), a job followed live until it
 * ends and then its outcome, and the history of the imports with the rebuild of the rollups.
 * Program staff only: the INTEGRATION role is a machine and has no pages.
 */
@PageController
class LedgerImportPages {

    private static final Role[] STAFF = {Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST};
    private static final int PAGE_SIZE = 20;

    private final LedgerImports imports;
    private final Localized localized;

    LedgerImportPages(LedgerImports imports, Localized localized) {
        this.imports = imports;
        this.localized = localized;
    }

    @GetMapping("/ledger/imports")
    String history(@RequestParam(defaultValue = "0") int page, Model model) {
        Callers.requireStaff(STAFF);
        model.addAttribute("jobs", imports.history(Page.Request.of(Math.max(page, 0), PAGE_SIZE)));
        return "ledger/history";
    }

    @GetMapping("/ledger/imports/new")
    String uploadForm(Model model) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        model.addAttribute("kind", ImportKind.LEDGER);
        return "ledger/upload";
    }

    /** Queues the file and sends the browser to its job (Post/Redirect/Get); a refused header is shown in place. */
    @PostMapping("/ledger/imports")
    String upload(
            @RequestParam(defaultValue = "LEDGER") ImportKind kind,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        model.addAttribute("kind", kind);
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()))) {
            response.setStatus(400);
            model.addAttribute("fileError", localized.text("ledger.upload.chooseFile"));
            return "ledger/upload";
        }
        LedgerImport job;
        try (InputStream in = file.getInputStream()) {
            job = imports.submit(kind, LedgerFileFormats.ofPart(file), file.getOriginalFilename(), in);
        } catch (InvalidFileHeader refused) {
            response.setStatus(400);
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("errors", LedgerFileErrors.of(refused.errors(), localized));
            return "ledger/upload";
        }
        return "redirect:/ledger/imports/" + job.id();
    }

    @GetMapping("/ledger/imports/{id}")
    String job(@PathVariable String id, Model model) {
        describe(find(id), model);
        return "ledger/job";
    }

    /** What the job page polls while the job runs: the live part only, without the trigger once it has ended. */
    @GetMapping("/ledger/imports/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        describe(find(id), model);
        return "ledger/job :: live";
    }

    @PostMapping("/ledger/rollups/rebuild")
    String rebuildRollups(RedirectAttributes redirect) {
        long groups = imports.rebuildRollups();
        redirect.addFlashAttribute("notice", localized.text("ledger.rollups.rebuilt", groups));
        return "redirect:/ledger/imports";
    }

    private LedgerImport find(String id) {
        Callers.requireStaff(STAFF);
        return parse(id).map(imports::get).orElseThrow(() -> new NotFound("IMPORT_NOT_FOUND", id));
    }

    private void describe(LedgerImport job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("running", !job.status().finished());
        model.addAttribute("errors", LedgerFileErrors.of(job.errors(), localized));
        model.addAttribute("warnings", LedgerFileErrors.of(job.warnings(), localized));
        model.addAttribute("maxListed", FileErrors.MAX_LISTED);
        model.addAttribute(
                "failureMessage",
                job.failure() == null ? null : localized.text("ledger.failure." + job.failure(), List.of()));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
