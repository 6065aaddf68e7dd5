package org.directbill.revenue.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong in a rate file: the line (the header is line 1), the column (its name, or its
 * number when it has none; absent when the whole line is wrong), a stable code, and the arguments
 * its message needs. The message itself is resolved in the reader's language at the edge.
 */
public record RateFileError(long line, @Nullable String column, String code, List<String> arguments) {

    public RateFileError {
        arguments = List.copyOf(arguments);
    }

    static RateFileError of(long line, @Nullable String column, String code, String... arguments) {
        return new RateFileError(line, column, code, List.of(arguments));
    }
}
