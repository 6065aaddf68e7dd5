package org.directbill.partner.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a form login the pages switch to the language the user chose last time; a failed login
 * says whether the password was wrong or the account is throttled.
 */
@Component
class LoginLocale extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    LoginLocale() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        if (authentication.getPrincipal() instanceof DirectbillUser user) {
            UserLocaleResolver.remember(request, user.locale());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason = failure instanceof LockedException ? "throttled" : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
    }
}
