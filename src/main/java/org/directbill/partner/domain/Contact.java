package org.directbill.partner.domain;

import java.util.Locale;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/** The company's primary contact: the person operations verify and write to. */
public record Contact(String name, String email) {

    static @Nullable Contact validated(@Nullable Contact input, Violations violations) {
        if (input == null) {
            violations.add("primaryContact", "REQUIRED");
            return null;
        }
        String name = violations.requireText("primaryContact.name", input.name(), 200);
        String email = violations.requireEmail("primaryContact.email", input.email());
        if (name == null || email == null || !Violations.isEmail(email)) {
            return null;
        }
        return new Contact(name, email.toLowerCase(Locale.ROOT));
    }
}
