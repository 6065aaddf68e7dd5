package org.directbill.revenue.domain;

/**
 * How a ledger or payments file separates its values (ledger-format.md): commas with RFC 4180
 * quoting, or tabs.
 */
public enum FileFormat {
    CSV(','),
    /** Tab-separated values (IANA {@code text/tab-separated-values}): no quoting, a tab never in a value. */
    TSV('\t');

    private final char separator;

    FileFormat(char separator) {
        this.separator = separator;
    }

    public char separator() {
        return separator;
    }
}
