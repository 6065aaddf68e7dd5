package org.directbill.notification.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.directbill.notification.Notifications;
import org.directbill.notification.domain.OutboxEmail;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A partner's notifications, newest first, in the reader's language: who may read the partner may
 * read them. Who may see the partner's users also sees each email's delivery; program staff also see
 * its attempts and last error.
 */
@PageController
class NotificationPages {

    private static final int PAGE_SIZE = 20;

    private final Notifications notifications;
    private final PartnerDirectory directory;

    NotificationPages(Notifications notifications, PartnerDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    /** One notice as the page shows it: its body in paragraphs. */
    record Row(
            long id,
            String subject,
            List<String> paragraphs,
            @Nullable String link,
            Instant createdAt,
            @Nullable List<OutboxEmail> emails) {

        static Row of(Notifications.Listed listed) {
            return new Row(
                    listed.notice().id(),
                    listed.subject(),
                    Arrays.stream(listed.body().split("\n+"))
                            .map(String::strip)
                            .filter(p -> !p.isEmpty())
                            .toList(),
                    listed.notice().link(),
                    listed.notice().createdAt(),
                    listed.emails());
        }
    }

    @GetMapping("/partners/{id}/notifications")
    String list(@PathVariable String id, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        PartnerId partner = PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
        Page<Row> rows = notifications
                .ofPartner(partner, Page.Request.of(Math.max(page, 0), PAGE_SIZE))
                .map(Row::of);
        model.addAttribute("partner", directory.get(partner).partner());
        model.addAttribute("rows", rows);
        model.addAttribute("staff", Callers.current().isProgramStaff());
        return "notification/list";
    }
}
