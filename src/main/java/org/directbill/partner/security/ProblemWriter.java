package org.directbill.partner.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.ProblemTypes;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 on the API as problem documents in the caller's language, like every other error. */
@Component
class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Localized localized;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemWriter(Localized localized, LocaleResolver locales, JsonMapper json) {
        this.localized = localized;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // Tell API clients how to authenticate, without a realm that makes browsers pop up a dialog.
        response.setHeader("WWW-Authenticate", "Basic realm=\"directbill\", Bearer");
        String code = failure instanceof LockedException ? "LOGIN_THROTTLED" : "UNAUTHENTICATED";
        write(request, response, 401, code);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, 403, "FORBIDDEN");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemTypes.of(code));
        problem.setTitle(localized.text("status." + status, List.of(), locale));
        problem.setDetail(localized.text("problem." + code, List.of(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
