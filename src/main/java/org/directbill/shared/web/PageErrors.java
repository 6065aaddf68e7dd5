package org.directbill.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.directbill.shared.problem.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Refusals met while rendering a page become a page a person can read, in their language. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final Localized localized;

    PageErrors(Localized localized) {
        this.localized = localized;
    }

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletResponse response) {
        response.setStatus(problem.status());
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", problem.status());
        page.addObject("title", localized.text("status." + problem.status(), List.of()));
        page.addObject("detail", localized.text("problem." + problem.code(), problem.arguments()));
        return page;
    }
}
