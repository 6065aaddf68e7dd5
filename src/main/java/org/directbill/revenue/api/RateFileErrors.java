package org.directbill.revenue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.directbill.revenue.domain.RateFileError;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;

/** The errors of a refused rate file as the API and the pages show them, in the reader's language. */
public final class RateFileErrors {

    private RateFileErrors() {}

    /** One error: where (line, and column unless the whole line is wrong), its code, and what to do. */
    public record Entry(
            long line,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String column,

            String code,
            String message) {}

    public static List<Entry> of(List<RateFileError> errors, Localized localized) {
        return errors.stream()
                .map(error -> new Entry(
                        error.line(),
                        error.column(),
                        error.code(),
                        localized.text("fx.error." + error.code(), error.arguments())))
                .toList();
    }
}
