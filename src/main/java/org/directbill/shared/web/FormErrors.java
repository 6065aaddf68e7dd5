package org.directbill.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;

/** A form's field errors, by field path, in the reader's language, to show next to each field. */
public final class FormErrors {

    private FormErrors() {}

    public static Map<String, String> of(InvalidInput invalid, Localized localized) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation violation : invalid.violations()) {
            errors.merge(
                    violation.field(),
                    localized.text("violation." + violation.code(), violation.arguments()),
                    (first, second) -> first + " " + second);
        }
        return errors;
    }
}
