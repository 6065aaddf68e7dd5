package org.directbill.partner;

import java.util.Arrays;
import java.util.Optional;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, whichever way they signed in (password, API key or token). */
public final class Callers {

    private Callers() {}

    public static Caller current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    /**
     * The caller, when it is program staff or a machine account holding one of {@code anyOf};
     * otherwise a refusal (403). A partner user never qualifies, whatever its roles.
     */
    public static Caller requireStaff(Role... anyOf) {
        Caller caller = current();
        if (caller.isPartnerUser() || Arrays.stream(anyOf).noneMatch(caller::has)) {
            throw new AccessDeniedException("program staff only");
        }
        return caller;
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
