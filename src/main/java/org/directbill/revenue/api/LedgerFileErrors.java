package org.directbill.revenue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.directbill.revenue.domain.FileError;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;

/**
 * The errors and warnings of a ledger or payments file as the API and the pages show them, in the
 * reader's language ({@code ledger.error.<CODE>}).
 */
public final class LedgerFileErrors {

    private LedgerFileErrors() {}

    /** One error or warning: where (line and column, when known), its code, and what it means. */
    public record Message(
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Long line,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String column,

            String code,
            String message) {}

    public static List<Message> of(List<FileError> errors, Localized localized) {
        return errors.stream()
                .map(error -> new Message(
                        error.line() > 0 ? error.line() : null,
                        error.column(),
                        error.code(),
                        localized.text("ledger.error." + error.code(), error.arguments())))
                .toList();
    }
}
