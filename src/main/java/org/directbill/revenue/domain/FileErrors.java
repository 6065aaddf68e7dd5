package org.directbill.revenue.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors of one file: the first {@value #MAX_LISTED} are kept to be listed (ledger-format.md:
 * "up to 1,000, then a count"), every one is counted.
 */
public final class FileErrors {

    public static final int MAX_LISTED = 1000;

    private final List<FileError> listed = new ArrayList<>();
    private long count;

    public void add(FileError error) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(error);
        }
    }

    public void addAll(Iterable<FileError> errors) {
        errors.forEach(this::add);
    }

    /** Counts errors found beyond those listed (e.g. by a query that returned only the first ones). */
    public void countUnlisted(long more) {
        if (more < 0) {
            throw new IllegalArgumentException("cannot count fewer errors: " + more);
        }
        count += more;
    }

    /** The listed errors, by line (the order they were found in may differ: lines, then checks). */
    public List<FileError> listed() {
        return listed.stream()
                .sorted(java.util.Comparator.comparingLong(FileError::line))
                .toList();
    }

    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
