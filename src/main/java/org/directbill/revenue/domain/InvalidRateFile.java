package org.directbill.revenue.domain;

import java.util.List;

/**
 * A rate file refused as a whole: nothing of it is kept. Lists the first {@link
 * EcbRateFile#MAX_LISTED_ERRORS} errors and counts them all.
 */
public class InvalidRateFile extends RuntimeException {

    private final List<RateFileError> errors;
    private final long errorCount;

    public InvalidRateFile(List<RateFileError> errors, long errorCount) {
        super("Invalid rate file: " + errorCount + " error(s)");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid file needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<RateFileError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
