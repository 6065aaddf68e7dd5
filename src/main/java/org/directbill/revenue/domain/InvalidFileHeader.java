package org.directbill.revenue.domain;

import java.util.List;

/**
 * A ledger or payments file refused before any of its lines is read: empty, or its header lacks a
 * required column (ledger-format.md: refused at once, and no job starts).
 */
public class InvalidFileHeader extends RuntimeException {

    private final List<FileError> errors;

    public InvalidFileHeader(List<FileError> errors) {
        super("refused file header: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FileError> errors() {
        return errors;
    }
}
