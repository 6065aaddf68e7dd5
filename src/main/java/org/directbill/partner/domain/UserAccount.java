package org.directbill.partner.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A person or machine that signs in. A partner user belongs to exactly one partner and holds only
 * partner roles; program staff and machine accounts belong to none.
 */
public record UserAccount(
        UserId id,
        String username,
        String displayName,
        String passwordHash,
        @Nullable PartnerId partnerId,
        Set<Role> roles,
        @Nullable String locale,
        Instant createdAt) {

    public static final List<String> LOCALES = List.of("fr", "en");

    /** BCrypt reads at most 72 bytes; a longer secret would be silently cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MIN_PASSWORD_LENGTH = 12;

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** What an administrator submits to create an account; the password is still in clear here. */
    public record Registration(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable String password,
            @Nullable List<Role> roles,
            @Nullable String locale) {}

    /** A registration that passed every rule; the caller hashes the password before building the account. */
    public record Valid(
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            @Nullable String locale) {

        public UserAccount toAccount(UserId id, String passwordHash, @Nullable PartnerId partnerId, Instant now) {
            return new UserAccount(id, username, displayName, passwordHash, partnerId, roles, locale, now);
        }
    }

    /** Validates an account for a partner's users: partner roles only. */
    public static Valid validatePartnerUser(Registration input) {
        return validate(input, EnumSet.of(Role.Kind.PARTNER));
    }

    /** Validates a program staff or machine account: program and machine roles only. */
    public static Valid validateStaff(Registration input) {
        return validate(input, EnumSet.of(Role.Kind.PROGRAM, Role.Kind.MACHINE));
    }

    private static Valid validate(Registration input, Set<Role.Kind> allowedKinds) {
        Violations violations = new Violations();
        String email = violations.requireEmail("email", input.email());
        String displayName = violations.requireText("displayName", input.displayName(), 200);
        String password = input.password();
        if (password == null || password.isEmpty()) {
            violations.add("password", "REQUIRED");
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            violations.add("password", "PASSWORD_TOO_SHORT", MIN_PASSWORD_LENGTH);
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            violations.add("password", "PASSWORD_TOO_LONG", MAX_PASSWORD_BYTES);
        } else if (email != null && password.equalsIgnoreCase(email)) {
            violations.add("password", "PASSWORD_IS_EMAIL");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<Role> requested = input.roles();
        if (requested == null || requested.isEmpty()) {
            violations.add("roles", "REQUIRED");
        } else {
            for (int i = 0; i < requested.size(); i++) {
                Role role = requested.get(i);
                if (role == null) {
                    violations.add("roles[" + i + "]", "REQUIRED");
                } else if (!allowedKinds.contains(role.kind())) {
                    violations.add("roles[" + i + "]", "ROLE_NOT_ALLOWED_HERE", role.name());
                } else {
                    roles.add(role);
                }
            }
        }
        // No language given: the user's browser decides until the user picks one.
        String locale = input.locale() == null || input.locale().isBlank()
                ? null
                : input.locale().strip().toLowerCase(Locale.ROOT);
        if (locale != null && !LOCALES.contains(locale)) {
            violations.add("locale", "INVALID_LOCALE", input.locale(), String.join(", ", LOCALES));
        }
        violations.throwIfAny();
        return new Valid(
                Objects.requireNonNull(email).toLowerCase(Locale.ROOT),
                Objects.requireNonNull(displayName),
                Objects.requireNonNull(password),
                roles,
                locale);
    }

    public boolean isPartnerUser() {
        return partnerId != null;
    }

    public boolean isMachine() {
        return roles.contains(Role.INTEGRATION);
    }

    public UserAccount withLocale(String newLocale) {
        return new UserAccount(id, username, displayName, passwordHash, partnerId, roles, newLocale, createdAt);
    }
}
