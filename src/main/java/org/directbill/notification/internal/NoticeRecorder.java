package org.directbill.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.directbill.notification.domain.EmailStatus;
import org.directbill.notification.domain.Notice;
import org.directbill.notification.domain.NoticeArgument;
import org.directbill.notification.domain.NoticeKind;
import org.directbill.notification.domain.OutboxEmail;
import org.directbill.notification.domain.Recipient;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.notice.PartnerNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Stores each {@link PartnerNotice} synchronously, inside the transaction of the change that
 * published it: the in-app notice and one outbox email per recipient commit with the change or not
 * at all. A key already stored is told once: the second publication is ignored, checked first and
 * backed by the unique key (a concurrent twin's insert is rolled back to a savepoint, so the
 * publisher's change still commits).
 */
@Component
class NoticeRecorder {

    private static final Logger log = LoggerFactory.getLogger(NoticeRecorder.class);

    private final NoticeStore store;
    private final PartnerDirectory directory;
    private final NotificationSettings settings;
    private final Clock clock;

    NoticeRecorder(NoticeStore store, PartnerDirectory directory, NotificationSettings settings, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(PartnerNotice published) {
        if (store.keyTaken(published.key())) {
            log.debug("Notice {} already stored; told once", published.key());
            return;
        }
        if (NoticeKind.find(published.kind()).isEmpty()) {
            log.warn(
                    "Notice kind {} has no words of its own (NoticeKind); it is stored and sent in generic words",
                    published.kind());
        }
        Instant now = clock.instant();
        Notice notice = new Notice(
                0,
                published.partnerId(),
                published.kind(),
                published.key(),
                NoticeArgument.ofAll(published.arguments()),
                published.link(),
                now);
        List<Recipient> recipients = recipients(published.partnerId());
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            long noticeId = store.add(notice);
            for (Recipient recipient : recipients) {
                UUID id = UUID.randomUUID();
                store.add(new OutboxEmail(
                        id,
                        noticeId,
                        recipient.email(),
                        recipient.language(),
                        EmailStatus.PENDING,
                        0,
                        now,
                        null,
                        null,
                        OutboxEmail.messageIdFor(id, settings.from()),
                        now));
            }
            transaction.releaseSavepoint(savepoint);
        } catch (DuplicateKeyException storedMeanwhile) {
            // Another transaction stored the same key after our check: it tells the partner.
            transaction.rollbackToSavepoint(savepoint);
            log.debug("Notice {} stored meanwhile by another transaction; told once", published.key());
        }
    }

    private List<Recipient> recipients(UUID partnerId) {
        return directory
                .noticeRecipientsWithoutPermissionCheck(new PartnerId(partnerId))
                .map(found -> Recipient.of(
                        found.country(),
                        found.contactEmail(),
                        found.globalAdmins().stream()
                                .map(admin -> new Recipient.GlobalAdmin(admin.email(), admin.locale()))
                                .toList()))
                .orElseGet(() -> {
                    log.warn("Notice for unknown partner {}: shown in the app only, emailed to no one", partnerId);
                    return List.of();
                });
    }
}
