package org.directbill.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Someone a notice is emailed to, in a language. */
public record Recipient(String email, String language) {

    /** A Global admin of the partner: its email and saved language ({@code null} when never chosen). */
    public record GlobalAdmin(String email, @Nullable String locale) {}

    /**
     * The partner's Global admins, each in its own language, then its primary contact unless a Global
     * admin already has that address (compared without case): each address once.
     */
    public static List<Recipient> of(String country, String contactEmail, List<GlobalAdmin> globalAdmins) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (GlobalAdmin admin : globalAdmins) {
            byAddress.putIfAbsent(
                    admin.email().toLowerCase(Locale.ROOT),
                    new Recipient(admin.email(), NoticeLanguage.of(admin.locale(), country)));
        }
        byAddress.putIfAbsent(
                contactEmail.toLowerCase(Locale.ROOT), new Recipient(contactEmail, NoticeLanguage.ofCountry(country)));
        return new ArrayList<>(byAddress.values());
    }
}
