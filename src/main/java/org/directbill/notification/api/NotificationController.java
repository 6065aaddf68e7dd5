package org.directbill.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.directbill.notification.Notifications;
import org.directbill.notification.domain.ListedEmail;
import org.directbill.notification.domain.OutboxEmail;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /partners/{id}/notifications}: the notices told to a partner, newest first, in the
 * caller's language ({@code Accept-Language}). {@code GET /notifications/emails?status=}: the
 * outbox's emails for program admins, e.g. those given up ({@code FAILED}).
 */
@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * A notice as the caller reads it.
     *
     * @param emails only for who may see the partner's users
     */
    record NotificationResponse(
            long id,
            String kind,
            String subject,
            String body,
            @Nullable String link,
            Instant createdAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<EmailSummary> emails) {

        static NotificationResponse of(Notifications.Listed listed) {
            return new NotificationResponse(
                    listed.notice().id(),
                    listed.notice().kind(),
                    listed.subject(),
                    listed.body(),
                    listed.notice().link(),
                    listed.notice().createdAt(),
                    listed.emails() == null
                            ? null
                            : listed.emails().stream().map(EmailSummary::of).toList());
        }
    }

    record EmailSummary(
            String recipient, String status, @Nullable Instant sentAt) {
        static EmailSummary of(OutboxEmail email) {
            return new EmailSummary(email.recipient(), email.status().name(), email.sentAt());
        }
    }

    /** An outbox email with its delivery state, for operations. */
    record EmailResponse(
            String id,
            long noticeId,
            String partnerId,
            String kind,
            String recipient,
            String locale,
            String status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String lastError,
            @Nullable Instant sentAt,
            String messageId,
            Instant createdAt) {

        static EmailResponse of(ListedEmail listed) {
            OutboxEmail email = listed.email();
            return new EmailResponse(
                    email.id().toString(),
                    email.noticeId(),
                    listed.partnerId().toString(),
                    listed.kind(),
                    email.recipient(),
                    email.locale(),
                    email.status().name(),
                    email.attempts(),
                    email.nextAttemptAt(),
                    email.lastError(),
                    email.sentAt(),
                    email.messageId(),
                    email.createdAt());
        }
    }

    @GetMapping("/api/v1/partners/{id}/notifications")
    Page<NotificationResponse> ofPartner(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PartnerId partner = PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
        return notifications.ofPartner(partner, Page.Request.of(page, size)).map(NotificationResponse::of);
    }

    @GetMapping("/api/v1/notifications/emails")
    Page<EmailResponse> emails(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return notifications.emails(status, Page.Request.of(page, size)).map(EmailResponse::of);
    }
}
