package org.directbill.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.directbill.notification.domain.EmailStatus;
import org.directbill.notification.domain.Notice;
import org.directbill.notification.domain.OutboxEmail;
import org.directbill.notification.domain.RetryPolicy;
import org.directbill.notification.internal.NoticeRenderer;
import org.directbill.notification.internal.NoticeStore;
import org.directbill.notification.internal.NotificationSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the outbox's due emails: the db-scheduler task {@code notification-outbox} calls {@link
 * #deliverDue} every few seconds on one node; tests call it with the time they choose.
 *
 * <p>Never twice: each email is first claimed by a conditional update (PENDING → SENDING, committed
 * on its own), so two nodes or threads never both send it; only the claimant sends it, then records
 * SENT. The one exception is a node that stops after the SMTP server accepted an email but before it
 * recorded SENT: after the lease ({@code directbill.notification.sending-lease}) the email is sent
 * again, with the same {@code Message-ID}, which lets mail clients show it once.
 *
 * <p>A failed attempt puts the email back to PENDING after a wait that doubles each time (from
 * {@code first-retry} up to {@code max-retry-delay}); after {@code max-attempts} it is FAILED and a
 * warning is logged. With no SMTP server configured ({@code spring.mail.host} unset), emails are
 * written to the log and marked LOGGED; the notices are in the app either way.
 */
@Service
public class EmailOutbox {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);
    private static final int BATCH = 50;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final NoticeStore store;
    private final NoticeRenderer renderer;
    private final NotificationSettings settings;
    private final ObjectProvider<JavaMailSender> mailSender;

    EmailOutbox(
            NoticeStore store,
            NoticeRenderer renderer,
            NotificationSettings settings,
            ObjectProvider<JavaMailSender> mailSender) {
        this.store = store;
        this.renderer = renderer;
        this.settings = settings;
        this.mailSender = mailSender;
    }

    /** What one run did. */
    public record Delivery(int sent, int logged, int retrying, int failed) {}

    /**
     * Claims and delivers, one by one, every email due at {@code now} (PENDING and due, or SENDING
     * for longer than the lease). Each step commits on its own, outside any caller's transaction.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Delivery deliverDue(Instant now) {
        Instant staleBefore = now.minus(settings.sendingLease());
        RetryPolicy retry = settings.retryPolicy();
        int sent = 0;
        int logged = 0;
        int retrying = 0;
        int failed = 0;
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<UUID> due = store.claimable(now, staleBefore, BATCH).stream()
                    .filter(id -> !tried.contains(id))
                    .toList();
            if (due.isEmpty()) {
                break;
            }
            for (UUID id : due) {
                tried.add(id);
                if (!store.claim(id, now, staleBefore)) {
                    continue; // another node or thread claimed it first
                }
                OutboxEmail email = store.email(id).orElseThrow();
                Attempt outcome = attempt(email, now);
                int attempt = email.attempts();
                String error = outcome.error();
                if (error == null) {
                    store.finish(id, attempt, outcome.done(), outcome.done() == EmailStatus.SENT ? now : null);
                    if (outcome.done() == EmailStatus.SENT) {
                        sent++;
                    } else {
                        logged++;
                    }
                } else if (retry.givesUpAfter(attempt)) {
                    store.failed(id, attempt, EmailStatus.FAILED, now, error);
                    log.warn(
                            "Email {} to {} given up after {} attempts (FAILED): {}",
                            id,
                            email.recipient(),
                            attempt,
                            error);
                    failed++;
                } else {
                    Instant next = now.plus(retry.delayAfter(attempt));
                    store.failed(id, attempt, EmailStatus.PENDING, next, error);
                    log.info(
                            "Email {} to {} not sent (attempt {}), next attempt at {}: {}",
                            id,
                            email.recipient(),
                            attempt,
                            next,
                            error);
                    retrying++;
                }
            }
        }
        return new Delivery(sent, logged, retrying, failed);
    }

    /** How an attempt ended: SENT or LOGGED, or the error that stopped it. */
    private record Attempt(EmailStatus done, @Nullable String error) {}

    /** Renders the email and hands it to the SMTP server (or the log). */
    private Attempt attempt(OutboxEmail email, Instant now) {
        try {
            Notice notice = store.find(email.noticeId()).orElseThrow();
            NoticeRenderer.Email rendered = renderer.email(notice, Locale.forLanguageTag(email.locale()));
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                log.info(
                        "Email (no SMTP server configured: spring.mail.host) to {}\nSubject: {}\n\n{}",
                        email.recipient(),
                        rendered.subject(),
                        rendered.text());
                return new Attempt(EmailStatus.LOGGED, null);
            }
            sender.send(message(sender, email, rendered, now));
            return new Attempt(EmailStatus.SENT, null);
        } catch (MessagingException | RuntimeException failure) {
            return new Attempt(EmailStatus.PENDING, describe(failure));
        }
    }

    private MimeMessage message(JavaMailSender sender, OutboxEmail email, NoticeRenderer.Email rendered, Instant now)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(email.recipient());
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        helper.setSentDate(Date.from(now));
        // The same at every attempt (JavaMailSenderImpl keeps a Message-ID set before sending).
        message.setHeader("Message-ID", email.messageId());
        return message;
    }

    private static String describe(Exception failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + (cause == failure ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
