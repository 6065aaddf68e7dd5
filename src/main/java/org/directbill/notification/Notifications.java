package org.directbill.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.directbill.notification.domain.EmailStatus;
import org.directbill.notification.domain.ListedEmail;
import org.directbill.notification.domain.Notice;
import org.directbill.notification.domain.OutboxEmail;
import org.directbill.notification.internal.NoticeRenderer;
import org.directbill.notification.internal.NoticeStore;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.Role;
import org.directbill.shared.Page;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the notices: a partner's, in the reader's language, for whoever may read the partner (its
 * own users of any role, program staff); the outbox's emails for program admins.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

    private final NoticeStore store;
    private final NoticeRenderer renderer;
    private final PartnerDirectory directory;

    Notifications(NoticeStore store, NoticeRenderer renderer, PartnerDirectory directory) {
        this.store = store;
        this.renderer = renderer;
        this.directory = directory;
    }

    /**
     * A notice in the reader's language.
     *
     * @param emails the emails that carried it, for who may see the partner's users (program staff,
     *     the partner's Global and Account admins); null for the others
     */
    public record Listed(
            Notice notice,
            String subject,
            String body,
            @Nullable List<OutboxEmail> emails) {}

    /** The partner's notices, newest first, in the caller's language. */
    public Page<Listed> ofPartner(PartnerId partner, Page.Request request) {
        // The partner's read rule first: 404 for another partner's user or no such partner, 403 for others.
        directory.get(partner);
        boolean seesEmails = PartnerPermission.READ_USERS.allows(Callers.current(), partner);
        Locale locale = LocaleContextHolder.getLocale();
        Page<Notice> notices = store.ofPartner(partner.value(), request);
        Map<Long, List<OutboxEmail>> emails = seesEmails
                ? store.emailsOf(notices.items().stream().map(Notice::id).toList()).stream()
                        .collect(Collectors.groupingBy(OutboxEmail::noticeId))
                : Map.of();
        return notices.map(notice -> {
            NoticeRenderer.Words words = renderer.words(notice, locale);
            return new Listed(
                    notice,
                    words.subject(),
                    words.body(),
                    seesEmails ? emails.getOrDefault(notice.id(), List.of()) : null);
        });
    }

    /**
     * The outbox's emails, all (status blank) or in one status (FAILED ones need a look), newest first:
     * program admins.
     */
    public Page<ListedEmail> emails(@Nullable String status, Page.Request request) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return store.emails(status(status), request);
    }

    private static @Nullable EmailStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String name = status.strip().toUpperCase(Locale.ROOT);
        for (EmailStatus known : EmailStatus.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        new Violations()
                .add(
                        "status",
                        "INVALID_ENUM",
                        "status",
                        status,
                        Arrays.stream(EmailStatus.values()).map(Enum::name).collect(Collectors.joining(", ")))
                .throwIfAny();
        throw new IllegalStateException("unreachable");
    }
}
