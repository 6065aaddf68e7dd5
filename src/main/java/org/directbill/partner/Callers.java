package org.directbill.partner;

import java.util.Optional;
import org.directbill.partner.domain.Caller;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, whichever way they signed in (password, API key or token). */
public final class Callers {

    private Callers() {}

    public static Caller current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof CallerHolder holder) {
            return Optional.of(holder.caller());
        }
        if (authentication.getPrincipal() instanceof CallerHolder holder) {
            return Optional.of(holder.caller());
        }
        return Optional.empty();
    }

    /** Implemented by the principals (or details) of every way of signing in. */
    public interface CallerHolder {
        Caller caller();
    }
}
