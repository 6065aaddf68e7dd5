package org.directbill.compliance.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A step the calendar takes on its own on a day: restrict, suspend or revoke. */
public record Escalation(Kind kind, LocalDate on) {

    public enum Kind {
        RESTRICT,
        SUSPEND,
        REVOKE
    }

    public Escalation {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(on);
    }
}
