package org.directbill.revenue.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.directbill.revenue.domain.InvalidFileHeader;
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
 * A ledger or payments file refused before any job started (empty, or a required column missing):
 * 400 with {@code errors: [{line, column, code, message}]}.
 */
@RestControllerAdvice(assignableTypes = LedgerImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerFileProblems {

    private final Problems problems;
    private final Localized localized;

    LedgerFileProblems(Problems problems, Localized localized) {
        this.problems = problems;
        this.localized = localized;
    }

    @ExceptionHandler(InvalidFileHeader.class)
    ResponseEntity<ProblemDetail> refused(InvalidFileHeader refused, HttpServletRequest request) {
        ProblemDetail body =
                problems.of(400, "VALIDATION_FAILED", List.of(refused.errors().size()), request.getRequestURI());
        body.setProperty("errorCount", refused.errors().size());
        body.setProperty("errors", LedgerFileErrors.of(refused.errors(), localized));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
