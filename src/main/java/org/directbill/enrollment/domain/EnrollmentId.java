package org.directbill.enrollment.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An enrollment's identity. */
public record EnrollmentId(UUID value) {

    public EnrollmentId {
        Objects.requireNonNull(value);
    }

    public static EnrollmentId random() {
        return new EnrollmentId(UUID.randomUUID());
    }

    /** The id written in a path, or empty when it is not one (a 404 rather than a 400). */
    public static Optional<EnrollmentId> parse(String text) {
        try {
            return Optional.of(new EnrollmentId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
