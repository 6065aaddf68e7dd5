package org.directbill.shared.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects every violation of an input so the caller hears about all of them at once, then
 * throws {@link InvalidInput} if there were any.
 */
public final class Violations {

    // Deliberately simple: one @, a dot in the domain, no spaces. Ownership is proven by mail.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");

    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String code, Object... arguments) {
        found.add(Violation.of(field, code, arguments));
        return this;
    }

    public Violations addAll(List<Violation> violations) {
        found.addAll(violations);
        return this;
    }

    /** Checks a mandatory text: present, not blank, and at most {@code maxLength} characters. */
    public @Nullable String requireText(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "REQUIRED");
            return null;
        }
        return optionalText(field, value, maxLength);
    }

    /** Checks an optional text: blank is treated as absent. */
    public @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            add(field, "TOO_LONG", maxLength);
        }
        return trimmed;
    }

    public @Nullable String requireEmail(String field, @Nullable String value) {
        String email = requireText(field, value, 254);
        if (email != null && !isEmail(email)) {
            add(field, "INVALID_EMAIL", email);
        }
        return email;
    }

    public <T> @Nullable T require(String field, @Nullable T value) {
        if (value == null) {
            add(field, "REQUIRED");
        }
        return value;
    }

    public static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
