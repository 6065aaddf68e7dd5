package org.directbill.enrollment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.enrollment.domain.RequirementsNotMet;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.springframework.stereotype.Component;

/**
 * A refused step as the errors of the form that asked for it, with the response status the API
 * would give: 400 with each field's mistake, 409 (someone changed the enrollment meanwhile, a step
 * no longer legal) and 422 (with each requirement not met) as a message above the form. 404 and 403
 * stay whole-page refusals.
 */
@Component
class Refusals {

    private final Localized localized;
    private final EnrollmentWords words;

    Refusals(Localized localized, EnrollmentWords words) {
        this.localized = localized;
        this.words = words;
    }

    PostedForm of(String form, Map<String, String> values, RuntimeException refused, HttpServletResponse response) {
        if (refused instanceof InvalidInput invalid) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            FormErrors.of(invalid, localized)
                    .forEach((field, message) ->
                            errors.merge(field.replaceFirst("\\[\\d+]$", ""), message, (a, b) -> a + " " + b));
            return new PostedForm(form, values, errors, List.of());
        }
        if (!(refused instanceof ApiProblem problem) || problem.status() == 404 || problem.status() == 403) {
            throw refused;
        }
        response.setStatus(problem.status());
        String text = localized.text("problem." + problem.code(), problem.arguments());
        String field = switch (problem.code()) {
            case "ATTACHMENT_TOO_LARGE", "ATTACHMENT_TYPE_NOT_ALLOWED" -> "files";
            default -> "form";
        };
        List<EnrollmentWords.Unmet> unmet =
                problem instanceof RequirementsNotMet notMet ? words.unmet(notMet.unmet()) : List.of();
        return new PostedForm(form, values, Map.of(field, text), unmet);
    }
}
