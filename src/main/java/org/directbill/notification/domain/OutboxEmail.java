package org.directbill.notification.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One email of a notice to one recipient, as the outbox keeps it. */
public record OutboxEmail(
        UUID id,
        long noticeId,
        String recipient,
        String locale,
        EmailStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt,
        String messageId,
        Instant createdAt) {

    /**
     * The {@code Message-ID} of the email with this id, the same at every attempt, so that a mail
     * client that ever receives it twice (a node crashing between the SMTP server's acceptance and
     * the outbox's record of it) shows it once: {@code <id@domain of the from address>}.
     */
    public static String messageIdFor(UUID id, String fromAddress) {
        int at = fromAddress.lastIndexOf('@');
        String domain =
                at < 0 || at == fromAddress.length() - 1 ? "directbill.localhost" : fromAddress.substring(at + 1);
        return "<" + id + "@" + domain + ">";
    }
}
