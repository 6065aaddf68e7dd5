package org.directbill.enrollment.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The form a person just posted and that was refused: what they typed and what was wrong, shown
 * again next to that form only (a page holds several forms, each with fields named alike).
 *
 * @param name which form ({@code submit}, {@code answer}, {@code verify}…)
 * @param errors by field, and {@code form} for a refusal of the whole form
 * @param unmet the requirements that refused a step (422), each with its reason
 */
record PostedForm(
        String name, Map<String, String> values, Map<String, String> errors, List<EnrollmentWords.Unmet> unmet) {

    private static final PostedForm NONE = new PostedForm("", Map.of(), Map.of(), List.of());

    static PostedForm none() {
        return NONE;
    }

    public boolean is(String form) {
        return name.equals(form);
    }

    /** The errors of this form; none when another form was posted. */
    public Map<String, String> errorsOf(String form) {
        return is(form) ? errors : Map.of();
    }

    /** What was typed in a field of this form; empty when another form was posted. */
    public String value(String form, String field) {
        return is(form) ? values.getOrDefault(field, "") : "";
    }

    /** What was typed, or {@code otherwise} when this form was not the one posted. */
    public String valueOr(String form, String field, @Nullable String otherwise) {
        return is(form) ? values.getOrDefault(field, "") : otherwise == null ? "" : otherwise;
    }

    public List<EnrollmentWords.Unmet> unmetOf(String form) {
        return is(form) ? unmet : List.of();
    }
}
