package org.directbill.partner.security;

import java.util.Locale;
import org.directbill.partner.domain.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads local accounts by username (an email, or {@code admin}), marking throttled ones locked. */
@Component
class AccountDetails implements UserDetailsService {

    private final UserAccounts users;
    private final LoginThrottle throttle;

    AccountDetails(UserAccounts users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return users.findByUsername(name)
                .map(account -> new DirectbillUser(account, throttle.isLocked(name)))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
