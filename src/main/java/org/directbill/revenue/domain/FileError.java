package org.directbill.revenue.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong (or worth a warning) in a ledger or payments file: the line (the header is line
 * 1), the column's name (absent when the whole line is wrong), a stable code, and the arguments its
 * message needs. The message is put in words in the reader's language at the edge
 * ({@code ledger.error.<CODE>}).
 */
public record FileError(long line, @Nullable String column, String code, List<String> arguments) {

    public FileError {
        Objects.requireNonNull(code);
        arguments = List.copyOf(arguments);
    }

    public static FileError of(long line, @Nullable String column, String code, String... arguments) {
        return new FileError(line, column, code, List.of(arguments));
    }
}
