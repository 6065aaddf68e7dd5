package org.directbill.partner.web;

import java.util.Locale;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserAccounts;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page needs: who is signed in, what they may see, the language. */
@ControllerAdvice(annotations = PageController.class)
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
    @Nullable
    Me me() {
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

    @ModelAttribute("lang")
    String lang() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale.getLanguage();
    }
}
