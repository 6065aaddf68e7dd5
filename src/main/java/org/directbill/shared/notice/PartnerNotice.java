package org.directbill.shared.notice;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something a partner is told, in the app and by email. The module that makes the change publishes
 * it inside the change's transaction; the notification module stores it in that same transaction
 * (its outbox), so a notice exists exactly when its change committed, and is mailed after.
 *
 * @param partnerId the partner told
 * @param kind UPPER_SNAKE; its words are the messages {@code notice.<kind>.subject} and {@code
 *     notice.<kind>.body}, in each reader's language
 * @param key unique per notice: the same key published twice tells the partner once
 * @param arguments the values of {@code {0}}, {@code {1}}…: text, a {@code LocalDate}, a {@code
 *     BigDecimal} (an amount, shown the reader's way), a {@link Localizable}, or a {@code
 *     java.util.List} of any of these, shown one element per line, each prefixed with {@code "- "}
 *     (its placeholder goes on a line of its own: {@code "…reasons:\n{2}\nAct by…"})
 * @param link the page where the partner acts on it, a path such as {@code /enrollments/{id}}
 */
public record PartnerNotice(
        UUID partnerId,
        String kind,
        String key,
        List<Object> arguments,
        @Nullable String link) {

    public PartnerNotice {
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(key);
        arguments = List.copyOf(arguments);
    }
}
