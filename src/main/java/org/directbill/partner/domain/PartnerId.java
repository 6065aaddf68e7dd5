package org.directbill.partner.domain;

import java.util.Optional;
import java.util.UUID;

/** Identifies a partner global account (PGA). Random, so ids reveal nothing about other partners. */
public record PartnerId(UUID value) {

    public static PartnerId random() {
        return new PartnerId(UUID.randomUUID());
    }

    /** Parses an id taken from a URL; a malformed one is simply an id that exists nowhere. */
    public static Optional<PartnerId> parse(String text) {
        try {
            return Optional.of(new PartnerId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
