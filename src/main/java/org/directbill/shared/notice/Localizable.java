package org.directbill.shared.notice;

import java.util.List;
import java.util.Objects;

/**
 * A notice argument that is itself words: the message {@code code} with its own arguments, resolved
 * in the reader's language (a requirement's name, an unmet requirement's reason).
 */
public record Localizable(String code, List<Object> arguments) {

    public Localizable {
        Objects.requireNonNull(code);
        arguments = List.copyOf(arguments);
    }

    public static Localizable of(String code, Object... arguments) {
        return new Localizable(code, List.of(arguments));
    }
}
