package org.directbill.partner.security;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer JWT from the configured OpenID Connect issuer into a caller: roles from a
 * configurable claim (unknown names ignored), the partner from another. Partner roles without a
 * partner claim grant nothing.
 */
@Component
class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String partnerClaim;
    private final String usernameClaim;

    JwtCallers(
            @Value("${directbill.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${directbill.security.jwt.partner-claim:partner_id}") String partnerClaim,
            @Value("${directbill.security.jwt.username-claim:email}") String usernameClaim) {
        this.rolesClaim = rolesClaim;
        this.partnerClaim = partnerClaim;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = caller(jwt);
        return new JwtCaller(jwt, caller);
    }

    Caller caller(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(rolesClaim);
        Collection<?> names = claim instanceof Collection<?> list
                ? list
                : claim instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        String partner = jwt.getClaimAsString(partnerClaim);
        PartnerId partnerId = partner == null ? null : PartnerId.parse(partner).orElse(null);
        if (partnerId == null) {
            roles.removeIf(Role::isPartnerRole);
        } else {
            roles.removeIf(role -> !role.isPartnerRole());
        }
        String username = jwt.getClaimAsString(usernameClaim);
        if (username == null) {
            username = jwt.getSubject();
        }
        UserId id = new UserId(UUID.nameUUIDFromBytes(("jwt:" + jwt.getSubject()).getBytes(StandardCharsets.UTF_8)));
        return new Caller(id, username, roles, partnerId);
    }

    static final class JwtCaller extends JwtAuthenticationToken implements Callers.CallerHolder {

        private final Caller caller;

        JwtCaller(Jwt jwt, Caller caller) {
            super(jwt, DirectbillUser.authorities(caller), caller.username());
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }
    }
}
