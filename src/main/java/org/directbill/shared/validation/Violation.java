package org.directbill.shared.validation;

import java.util.List;

/**
 * One thing wrong with an input: where (a field path such as {@code address.country}), a stable
 * code, and the arguments its message needs. The message itself is resolved in the caller's
 * language at the edge.
 */
public record Violation(String field, String code, List<Object> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    public static Violation of(String field, String code, Object... arguments) {
        return new Violation(field, code, List.of(arguments));
    }

    public Violation under(String prefix) {
        return new Violation(prefix + "." + field, code, arguments);
    }
}
