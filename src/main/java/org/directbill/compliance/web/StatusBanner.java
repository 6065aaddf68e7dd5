package org.directbill.compliance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.compliance.DirectBillStatuses;
import org.directbill.compliance.StatusSummary;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The direct-bill status of the partner a page is about, as the model attribute {@code directBill}:
 * the layout shows its banner while the partner is at risk (with the deadline), restricted, suspended
 * or revoked, linking to the status page; the partner's own page shows the status among its facts.
 *
 * <p>Which partner: a partner user's own, on every page it sees; for program staff, the partner of a
 * page under {@code /partners/{id}} (so a reviewer on a restricted partner's pages sees it too), and
 * none elsewhere. One read of the standing per page; none for the sign-in page, a live search's
 * fragment or a reader without a partner. A failure to read it never breaks the page: the page shows
 * without the banner.
 */
@ControllerAdvice(annotations = PageController.class)
class StatusBanner {

    private static final Logger log = LoggerFactory.getLogger(StatusBanner.class);
    private static final Pattern PARTNER_PAGE = Pattern.compile("^/partners/([0-9a-fA-F-]{36})(/.*)?$");

    private final DirectBillStatuses statuses;
    private final ComplianceWords words;
    private final Localized localized;
    private final Clock clock;

    StatusBanner(DirectBillStatuses statuses, ComplianceWords words, Localized localized, Clock clock) {
        this.statuses = statuses;
        this.words = words;
        this.localized = localized;
        this.clock = clock;
    }

    /**
     * The partner's status for the page.
     *
     * @param href its status page
     * @param banner what the top of the page says, or null when there is nothing to warn about (an
     *     active partner, or the status page itself and its forms, which say it all)
     */
    record DirectBill(
            String partnerId,
            ComplianceWords.Status status,
            @Nullable LocalDate since,
            String href,
            @Nullable Banner banner) {}

    /** The banner: a sentence saying where the partner stands and what is blocked, and the link's words. */
    record Banner(String css, String title, String text, String link) {}

    @ModelAttribute("directBill")
    @Nullable
    DirectBill directBill(HttpServletRequest request) {
        if (request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null) {
            return null; // a fragment, which has no layout
        }
        Caller caller = Callers.find().orElse(null);
        if (caller == null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PartnerId partner = partnerOf(caller, path).orElse(null);
        if (partner == null || !PartnerPermission.READ.allows(caller, partner)) {
            return null;
        }
        try {
            StatusSummary summary = statuses.summary(partner);
            String href = "/partners/" + partner + "/status";
            return new DirectBill(
                    partner.toString(),
                    words.status(summary.status()),
                    summary.since(),
                    href,
                    path.startsWith(href) ? null : banner(summary));
        } catch (RuntimeException unreadable) {
            log.warn("The direct-bill banner of {} could not be read for {}", partner, path, unreadable);
            return null;
        }
    }

    /** A partner user's own partner; for staff, the partner of a page under /partners/{id}. */
    private static Optional<PartnerId> partnerOf(Caller caller, String path) {
        if (caller.isPartnerUser()) {
            return Optional.ofNullable(caller.partnerId());
        }
        Matcher page = PARTNER_PAGE.matcher(path);
        return page.matches() ? PartnerId.parse(page.group(1)) : Optional.empty();
    }

    private @Nullable Banner banner(StatusSummary summary) {
        DirectBillStatus status = summary.status();
        LocalDate next = summary.nextEscalation() == null
                ? null
                : summary.nextEscalation().on();
        String key = "compliance.banner." + status.name();
        return switch (status) {
            case NONE, ACTIVE -> null;
            case AT_RISK ->
                summary.cureDeadline() == null
                        ? null
                        : new Banner(
                                "at-risk",
                                localized.text(key + ".title"),
                                localized.text(
                                        key,
                                        summary.cureDeadline(),
                                        words.left(summary.cureDeadline(), LocalDate.now(clock))
                                                .text(),
                                        next == null ? "" : next),
                                localized.text("compliance.banner.link.AT_RISK"));
            case RESTRICTED, SUSPENDED, REVOKED ->
                new Banner(
                        "restriction",
                        localized.text(key + ".title"),
                        next == null
                                ? localized.text(key, summary.since())
                                : localized.text(
                                        key + ".until",
                                        summary.since(),
                                        words.step(summary.nextEscalation().kind()),
                                        next),
                        localized.text("compliance.banner.link"));
        };
    }
}
