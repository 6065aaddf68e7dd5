package org.directbill.partner.web;

import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserAccounts;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every page needs: who is signed in and what they may see. Error pages are
 * rendered outside these controllers (by an exception handler, or Spring Boot's {@code /error}), so
 * the layout asks the bean {@code currentUser} itself when the model has no {@code me}.
 */
@ControllerAdvice(name = "currentUser", annotations = PageController.class)
class CurrentUserModel {

    private final UserAccounts users;

    CurrentUserModel(UserAccounts users) {
        this.users = users;
    }

    /** The signed-in user as the navigation shows it. */
    record Me(
            String username,
            String displayName,
            boolean programStaff,
            boolean programAdmin,
            @Nullable String partnerId) {}

    @ModelAttribute("me")
    public @Nullable Me me() {
        Caller caller = Callers.find().orElse(null);
        if (caller == null) {
            return null;
        }
        String displayName = users.find(caller.userId())
                .map(account -> account.displayName())
                .orElse(caller.username());
        return new Me(
                caller.username(),
                displayName,
                caller.isProgramStaff(),
                caller.has(Role.PROGRAM_ADMIN),
                caller.partnerId() == null ? null : caller.partnerId().toString());
    }
}
