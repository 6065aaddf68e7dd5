package org.directbill.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored notice: what the partner was told, its words still to be put in a reader's language. */
public record Notice(
        long id,
        UUID partnerId,
        String kind,
        String key,
        List<NoticeArgument> arguments,
        @Nullable String link,
        Instant createdAt) {

    public Notice {
        arguments = List.copyOf(arguments);
    }
}
