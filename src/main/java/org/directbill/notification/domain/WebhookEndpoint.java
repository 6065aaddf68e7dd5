package org.directbill.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a receiving system is told of partner events: a URL, the event types it subscribed to, and
 * the secret every delivery is signed with. The secret is kept as given (it must sign) and never
 * shown again; {@link #secretHint()} lets a person tell two secrets apart.
 *
 * @param deletedAt when a program admin deleted it: it is sent nothing more, its log stays
 */
public record WebhookEndpoint(
        UUID id,
        String url,
        List<String> events,
        String secret,
        @Nullable String description,
        boolean enabled,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        @Nullable Instant deletedAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(url);
        Objects.requireNonNull(secret);
        events = List.copyOf(events);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /** Whether an event of this type is sent to it (once enabled and not deleted). */
    public boolean subscribesTo(String type) {
        return events.stream().anyMatch(subscribed -> WebhookEventTypes.covers(subscribed, type));
    }

    /** The secret's last four characters after an ellipsis: enough to recognise it, not to use it. */
    public String secretHint() {
        return "…" + secret.substring(Math.max(0, secret.length() - 4));
    }

    /** Neither its secret nor anything derived from it: for the toString of logs and errors. */
    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + " " + url + " " + events + (enabled ? "" : " disabled")
                + (deleted() ? " deleted" : "") + "]";
    }
}
