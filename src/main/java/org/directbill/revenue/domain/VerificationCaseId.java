package org.directbill.revenue.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a verification case. Random, so an id reveals nothing about other partners' cases. */
public record VerificationCaseId(UUID value) {

    public VerificationCaseId {
        Objects.requireNonNull(value);
    }

    public static VerificationCaseId random() {
        return new VerificationCaseId(UUID.randomUUID());
    }

    /** Parses an id taken from a URL; a malformed one is simply an id that exists nowhere. */
    public static Optional<VerificationCaseId> parse(String text) {
        try {
            return Optional.of(new VerificationCaseId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The first eight characters: enough for a person to tell cases apart on a page. */
    public String shortForm() {
        return value.toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
