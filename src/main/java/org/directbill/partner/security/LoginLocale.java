package org.directbill.partner.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.directbill.partner.domain.UserAccounts;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a form login the pages speak the language the user chose (on the login page, or last
 * time); a user who never chose keeps the browser's. A failed login says whether the password was
 * wrong or the account is throttled.
 */
@Component
class LoginLocale extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final UserAccounts users;

    LoginLocale(UserAccounts users) {
        this.users = users;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        if (authentication.getPrincipal() instanceof DirectbillUser user) {
            String chosenBeforeLogin = UserLocaleResolver.chosen(request);
            if (chosenBeforeLogin != null) {
                // Picked on the login page: that choice wins and becomes the user's.
                users.updateLocale(user.caller().userId(), chosenBeforeLogin);
            } else if (user.locale() != null) {
                UserLocaleResolver.remember(request, user.locale());
            }
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
