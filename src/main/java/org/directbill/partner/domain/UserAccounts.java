package org.directbill.partner.domain;

import java.util.List;
import java.util.Optional;
import org.directbill.shared.Page;

/** Every account that can sign in. */
public interface UserAccounts {

    void add(UserAccount account);

    Optional<UserAccount> find(UserId id);

    Optional<UserAccount> findByUsername(String username);

    boolean usernameTaken(String username);

    boolean anyWithRole(Role role);

    void updateLocale(UserId id, String locale);

    List<UserAccount> ofPartner(PartnerId partnerId);

    Page<UserAccount> staff(Page.Request request);
}
