package org.directbill.enrollment.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.enrollment.domain.RequirementsNotMet;
import org.directbill.policy.api.RequirementResultResponse;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A step refused by the requirements (422 {@code REQUIREMENTS_NOT_MET}) names each unmet one: in
 * {@code errors} as every validation problem does ({@code field} "requirements.CODE", the reason
 * code, the reason in the caller's language), and in full in {@code requirements}.
 */
@RestControllerAdvice(assignableTypes = EnrollmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnrollmentProblems {

    private final Problems problems;
    private final Localized localized;

    EnrollmentProblems(Problems problems, Localized localized) {
        this.problems = problems;
        this.localized = localized;
    }

    @ExceptionHandler(RequirementsNotMet.class)
    ResponseEntity<ProblemDetail> requirementsNotMet(RequirementsNotMet refused, HttpServletRequest request) {
        ProblemDetail body = problems.of(422, refused.code(), refused.arguments(), request.getRequestURI());
        List<RequirementResultResponse> results = refused.unmet().stream()
                .map(result -> RequirementResultResponse.of(result, localized))
                .toList();
        body.setProperty(
                "errors",
                results.stream()
                        .map(result -> {
                            Map<String, Object> error = new LinkedHashMap<>();
                            error.put("field", "requirements." + result.code());
                            error.put("code", result.reasonCode());
                            error.put("message", result.name() + " — " + result.reason());
                            return error;
                        })
                        .toList());
        body.setProperty("requirements", results);
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
