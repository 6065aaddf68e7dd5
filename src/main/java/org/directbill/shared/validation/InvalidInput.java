package org.directbill.shared.validation;

import java.util.List;

/** Thrown when an input breaks one or more rules; carries every violation, not just the first. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super("Invalid input: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
