package org.directbill.partner.domain;

import java.util.Optional;
import java.util.UUID;

/** Identifies a user account. */
public record UserId(UUID value) {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static Optional<UserId> parse(String text) {
        try {
            return Optional.of(new UserId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
