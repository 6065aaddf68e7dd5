package org.directbill.partner.security;

import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a machine account's API key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken implements Callers.CallerHolder {

    private final Caller caller;

    ApiKeyAuthentication(Caller caller) {
        super(DirectbillUser.authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return caller.username();
    }
}
