package org.directbill.compliance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.directbill.compliance.DirectBillStatuses;
import org.directbill.compliance.StatusAction;
import org.directbill.compliance.StatusView;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.Standings;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Partner;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.Role;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partner's direct-bill status page, for its own users and program staff: where it stands and since
 * when, what is blocked and what is still allowed, why, what comes next and its history. A program
 * admin restricts or reinstates it from here with a reason, and revokes it after a confirmation page
 * that says what revoking does; each refusal shows next to the form that asked.
 */
@PageController
class StatusPage {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final DirectBillStatuses statuses;
    private final PartnerDirectory directory;
    private final ComplianceWords words;
    private final Localized localized;
    private final Clock clock;

    StatusPage(
            DirectBillStatuses statuses,
            PartnerDirectory directory,
            ComplianceWords words,
            Localized localized,
            Clock clock) {
        this.statuses = statuses;
        this.directory = directory;
        this.words = words;
        this.localized = localized;
        this.clock = clock;
    }

    /** One step of the history, in words. */
    record HistoryLine(
            LocalDate on,
            ComplianceWords.Status from,
            ComplianceWords.Status to,
            String cause,
            @Nullable String reason,
            String by,
            String at) {}

    /**
     * The action form a program admin just posted and that was refused: what was typed and what was
     * wrong, shown again next to that form only.
     *
     * @param errors by field; {@code form} for a refusal of the whole step
     */
    record PostedAction(String action, String reason, Map<String, String> errors) {

        static final PostedAction NONE = new PostedAction("", "", Map.of());

        public Map<String, String> errorsOf(String form) {
            return action.equals(form) ? errors : Map.of();
        }

        public String reasonOf(String form) {
            return action.equals(form) ? reason : "";
        }
    }

    @GetMapping("/partners/{id}/status")
    String page(@PathVariable String id, Model model) {
        return render(partnerId(id), PostedAction.NONE, model);
    }

    /** The confirmation page of a revocation: what it does, and the reason to give. */
    @GetMapping("/partners/{id}/status/revoke")
    String revokePage(@PathVariable String id, Model model) {
        return renderRevoke(partnerId(id), PostedAction.NONE, model);
    }

    /** A program admin's restriction, reinstatement or revocation, with its reason. */
    @PostMapping("/partners/{id}/status-actions")
    String act(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = partnerId(id);
        String form = action.strip().toUpperCase(Locale.ROOT);
        try {
            StatusView after = statuses.act(partner, action, reason);
            redirect.addFlashAttribute(
                    "notice",
                    localized.text(
                            "compliance.acted." + form,
                            words.status(after.status()).text()));
            return "redirect:/partners/" + partner + "/status";
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            PostedAction posted = new PostedAction(form, reason, FormErrors.of(invalid, localized));
            return "REVOKE".equals(form) ? renderRevoke(partner, posted, model) : render(partner, posted, model);
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            // The status changed since the page was read (another admin, the daily run): say so in words.
            response.setStatus(409);
            StatusView now = statuses.status(partner);
            String text = localized.text(
                    "compliance.act.notNow",
                    localized.text("compliance.act." + form + ".name"),
                    words.status(now.status()).text().toLowerCase(LocaleContextHolder.getLocale()));
            PostedAction posted = new PostedAction(form, reason, Map.of("form", text));
            return "REVOKE".equals(form) ? renderRevoke(partner, posted, model) : render(partner, posted, model);
        }
    }

    private String render(PartnerId id, PostedAction posted, Model model) {
        StatusView view = statuses.status(id);
        Partner partner = directory.get(id).partner();
        Caller caller = Callers.current();
        LocalDate today = LocalDate.now(clock);
        List<Standings.RecordedChange> history = statuses.history(id);

        model.addAttribute("partner", partner);
        model.addAttribute("view", view);
        model.addAttribute("status", words.status(view.status()));
        model.addAttribute("markets", words.markets(view.markets()));
        model.addAttribute("blocked", words.actions(view.blocked()));
        model.addAttribute("allowed", words.actions(view.allowed()));
        model.addAttribute(
                "unmet", words.unmet(view.failedAssessment(), PartnerPermission.READ_REVENUE.allows(caller, id)));
        model.addAttribute("cureLeft", view.cureDeadline() == null ? null : words.left(view.cureDeadline(), today));
        model.addAttribute(
                "nextStep",
                view.nextEscalation() == null
                        ? null
                        : words.step(view.nextEscalation().kind()));
        model.addAttribute(
                "nextAssessmentOccasion",
                view.nextAssessment() == null
                        ? null
                        : words.occasion(view.nextAssessment().occasion()));
        model.addAttribute("history", history.stream().map(this::line).toList());
        model.addAttribute("staff", caller.isProgramStaff());
        boolean admin = isProgramAdmin(caller);
        model.addAttribute("canAct", admin);
        Set<String> actions = admin ? allowed(view.status()) : Set.of();
        model.addAttribute("actions", actions);
        model.addAttribute("posted", posted);
        // A refusal of a form the page no longer offers (the status changed meanwhile) is said at the top.
        model.addAttribute(
                "pageError",
                !posted.errors().isEmpty() && !actions.contains(posted.action())
                        ? String.join(" ", posted.errors().values())
                        : null);
        return "compliance/status";
    }

    private String renderRevoke(PartnerId id, PostedAction posted, Model model) {
        StatusView view = statuses.status(id); // 404 for another partner's user, before the 403 of the others
        requireProgramAdmin();
        model.addAttribute("partner", directory.get(id).partner());
        model.addAttribute("status", words.status(view.status()));
        model.addAttribute("canRevoke", StatusAction.REVOKE.allowedFrom(view.status()));
        model.addAttribute("posted", posted);
        model.addAttribute("errors", posted.errorsOf("REVOKE"));
        return "compliance/revoke";
    }

    private HistoryLine line(Standings.RecordedChange recorded) {
        return new HistoryLine(
                recorded.change().effectiveOn(),
                words.status(recorded.change().from()),
                words.status(recorded.change().to()),
                words.cause(recorded.change().cause()),
                recorded.change().reason(),
                recorded.recordedBy(),
                MINUTES.format(recorded.recordedAt()) + " UTC");
    }

    /** The actions a program admin may take from the status, by name, for the template. */
    private static Set<String> allowed(DirectBillStatus status) {
        return Arrays.stream(StatusAction.values())
                .filter(action -> action.allowedFrom(status))
                .map(StatusAction::name)
                .collect(Collectors.toSet());
    }

    private static boolean isProgramAdmin(Caller caller) {
        return !caller.isPartnerUser() && caller.has(Role.PROGRAM_ADMIN);
    }

    private static void requireProgramAdmin() {
        if (!isProgramAdmin(Callers.current())) {
            throw new AccessDeniedException("program admin only");
        }
    }

    static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }
}
