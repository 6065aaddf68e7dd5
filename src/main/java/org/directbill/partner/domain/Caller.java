package org.directbill.partner.domain;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Who is asking: the signed-in user, API key holder or token bearer, with their roles. */
public record Caller(
        UserId userId,
        String username,
        Set<Role> roles,
        @Nullable PartnerId partnerId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPartnerUser() {
        return partnerId != null;
    }

    public boolean isProgramStaff() {
        return partnerId == null && roles.stream().anyMatch(Role::isProgramRole);
    }

    public boolean belongsTo(PartnerId partner) {
        return partner.equals(partnerId);
    }
}
