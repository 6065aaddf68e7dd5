package org.directbill.partner.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.directbill.partner.domain.ApiKey;
import org.directbill.partner.domain.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer dbk_…} with a digest lookup (no slow hash, and held
 * for a few seconds by {@link ApiKeyCallers}), so API keys fit the order path. Other bearer tokens pass through to the JWT resource server when one is
 * configured.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyCallers callers;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyFilter(ApiKeyCallers callers, AuthenticationEntryPoint entryPoint) {
        this.callers = callers;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        if (!ApiKey.looksLikeKey(token)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = callers.byDigest(ApiKey.digest(token)).orElse(null);
        if (caller == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(caller));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
