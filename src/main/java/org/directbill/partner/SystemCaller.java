package org.directbill.partner;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserId;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person asked for (a scheduled job) as the service itself: a program admin
 * named {@value #USERNAME}, so that the same permission checks apply and the audit log and the
 * stored evaluations say who acted. Never used on a request's behalf.
 */
public final class SystemCaller {

    public static final String USERNAME = "system";

    private static final Caller SYSTEM =
            new Caller(new UserId(new UUID(0, 0)), USERNAME, Set.of(Role.PROGRAM_ADMIN), null);

    private SystemCaller() {}

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SystemAuthentication());
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static final class SystemAuthentication extends AbstractAuthenticationToken
            implements Callers.CallerHolder {

        SystemAuthentication() {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + Role.PROGRAM_ADMIN.name())));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return USERNAME;
        }

        @Override
        public Caller caller() {
            return SYSTEM;
        }
    }
}
