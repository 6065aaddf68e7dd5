package org.directbill.revenue.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.directbill.revenue.domain.InvalidRateFile;
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
 * A refused rate file: 400 with {@code errors: [{line, column, code, message}]} (up to 1,000) and
 * {@code errorCount}, all of them.
 */
@RestControllerAdvice(assignableTypes = FxRateController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateFileProblems {

    private final Problems problems;
    private final Localized localized;

    RateFileProblems(Problems problems, Localized localized) {
        this.problems = problems;
        this.localized = localized;
    }

    @ExceptionHandler(InvalidRateFile.class)
    ResponseEntity<ProblemDetail> refused(InvalidRateFile refused, HttpServletRequest request) {
        ProblemDetail body =
                problems.of(400, "VALIDATION_FAILED", List.of(refused.errorCount()), request.getRequestURI());
        body.setProperty("errorCount", refused.errorCount());
        body.setProperty("errors", RateFileErrors.of(refused.errors(), localized));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
