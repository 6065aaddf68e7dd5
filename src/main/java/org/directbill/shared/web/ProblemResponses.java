package org.directbill.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal into an RFC 9457 problem with a stable {@code code}, a detail in the caller's
 * language and, for bad input, the list of what is wrong and where. Nothing leaks as a 500 that a
 * caller could have avoided.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private final Localized localized;
    private final Problems problems;

    ProblemResponses(Localized localized, Problems problems) {
        this.localized = localized;
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, HttpServletRequest request) {
        return respond(problem(problem.status(), problem.code(), problem.arguments(), request));
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalidInput(InvalidInput invalid, HttpServletRequest request) {
        ProblemDetail body =
                problem(400, "VALIDATION_FAILED", List.of(invalid.violations().size()), request);
        body.setProperty("errors", fieldErrors(invalid.violations()));
        return respond(body);
    }

    /** A unique key caught by the database: someone else created the same thing first. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicateKey(DuplicateKeyException ignored, HttpServletRequest request) {
        return respond(problem(409, "ALREADY_EXISTS", List.of(), request));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleVersion(OptimisticLockingFailureException ignored, HttpServletRequest request) {
        return respond(problem(409, "STALE_VERSION", List.of(), request));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The outermost JSON error knows the field; a cause under it (e.g. a date that does not parse) does not.
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return respond(jsonProblem(json, request.getDescription(false).replaceFirst("^uri=", "")));
            }
        }
        return respond(problem(400, "MALFORMED_BODY", List.of(), request));
    }

    /** A body converted by hand (e.g. a JSON merge patch) fails the same way as one read by Spring. */
    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Object> jsonMismatch(JacksonException json, HttpServletRequest request) {
        return respond(jsonProblem(json, request.getRequestURI()));
    }

    private ProblemDetail jsonProblem(JacksonException json, String instance) {
        Map<String, Object> error = jsonError(json);
        boolean syntax = "MALFORMED_JSON".equals(error.get("code"));
        ProblemDetail body = syntax
                ? problem(400, "MALFORMED_BODY", List.of(), instance)
                : problem(400, "VALIDATION_FAILED", List.of(1), instance);
        body.setProperty("errors", List.of(error));
        return body;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        ProblemDetail body = problem(400, "VALIDATION_FAILED", List.of(1), request);
        body.setProperty(
                "errors", fieldErrors(List.of(Violation.of(name, "INVALID_VALUE", String.valueOf(ex.getValue())))));
        return respond(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail body = problem(400, "VALIDATION_FAILED", List.of(1), request);
        body.setProperty("errors", fieldErrors(List.of(Violation.of(ex.getParameterName(), "REQUIRED"))));
        return respond(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problem(400, "VALIDATION_FAILED", List.of(1), request));
    }

    /** Spring's own exceptions (405, 406, 415, 404 for no route…): keep their status, localize the text. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(status.value(), ErrorResponses.code(status.value()), List.of(), request);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private Map<String, Object> jsonError(JacksonException json) {
        Map<String, Object> error = new LinkedHashMap<>();
        String path = jsonPath(json);
        if (!path.isEmpty()) {
            error.put("field", path);
        }
        if (json.getLocation() != null && json.getLocation().getLineNr() > 0) {
            error.put("line", json.getLocation().getLineNr());
            error.put("column", json.getLocation().getColumnNr());
        }
        String code;
        List<Object> arguments;
        if (json instanceof UnrecognizedPropertyException) {
            code = "UNKNOWN_FIELD";
            arguments = List.of(path);
        } else if (json instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            code = "INVALID_ENUM";
            arguments = List.of(path, String.valueOf(invalid.getValue()), enumValues(invalid.getTargetType()));
        } else {
            code = path.isEmpty() ? "MALFORMED_JSON" : "INVALID_VALUE";
            arguments = List.of(path);
        }
        error.put("code", code);
        error.put("message", localized.text("violation." + code, arguments));
        return error;
    }

    private static String enumValues(Class<?> type) {
        StringBuilder names = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(((Enum<?>) constant).name());
        }
        return names.toString();
    }

    private static String jsonPath(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private List<Map<String, Object>> fieldErrors(List<Violation> violations) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Violation violation : violations) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", violation.field());
            error.put("code", violation.code());
            error.put("message", localized.text("violation." + violation.code(), violation.arguments()));
            errors.add(error);
        }
        return errors;
    }

    private ProblemDetail problem(int status, String code, List<Object> arguments, HttpServletRequest request) {
        return problem(status, code, arguments, request.getRequestURI());
    }

    private ProblemDetail problem(int status, String code, List<Object> arguments, WebRequest request) {
        return problem(status, code, arguments, request.getDescription(false).replaceFirst("^uri=", ""));
    }

    private ProblemDetail problem(int status, String code, List<Object> arguments, String instance) {
        return problems.of(status, code, arguments, instance);
    }

    private static ResponseEntity<Object> respond(ProblemDetail body) {
        return ResponseEntity.status(HttpStatus.valueOf(body.getStatus()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
