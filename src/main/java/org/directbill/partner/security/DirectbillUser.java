package org.directbill.partner.security;

import java.util.Collection;
import java.util.List;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.UserAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A local account as Spring Security sees it; locked while its failed logins are being throttled. */
final class DirectbillUser implements UserDetails, CredentialsContainer, Callers.CallerHolder {

    private final Caller caller;
    private final String displayName;
    private final @Nullable String locale;
    private @Nullable String passwordHash;
    private final boolean throttled;

    DirectbillUser(UserAccount account, boolean throttled) {
        this.caller = new Caller(account.id(), account.username(), account.roles(), account.partnerId());
        this.displayName = account.displayName();
        this.locale = account.locale();
        this.passwordHash = account.passwordHash();
        this.throttled = throttled;
    }

    static List<GrantedAuthority> authorities(Caller caller) {
        return caller.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    @Override
    public Caller caller() {
        return caller;
    }

    String displayName() {
        return displayName;
    }

    @Nullable
    String locale() {
        return locale;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(caller);
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !throttled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
