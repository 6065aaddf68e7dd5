package org.directbill.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as a program admin registers it, every field checked at once ({@link #validate}).
 *
 * @param url absolute {@code https} (or {@code http} where the service allows it, for development)
 * @param events each a known type or {@value WebhookEventTypes#ALL_STATUSES}, at least one, none twice
 * @param secret 16 to 200 characters, kept exactly as given: the receiver checks signatures with it
 * @param description what it is for, optional
 */
public record WebhookRegistration(
        @Nullable String url,
        @Nullable List<@Nullable String> events,
        @Nullable String secret,
        @Nullable String description) {

    public static final int MAX_URL = 2000;
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;
    public static final int MAX_DESCRIPTION = 500;

    /** What is stored once every rule holds. */
    public record Valid(
            String url,
            List<String> events,
            String secret,
            @Nullable String description) {}

    /**
     * The registration checked, or {@code InvalidInput} listing every field that breaks a rule
     * ({@code url}, {@code events}, {@code events[2]}, {@code secret}, {@code description}).
     *
     * @param allowHttp whether plain {@code http} is accepted ({@code directbill.webhooks.allow-http})
     */
    public Valid validate(boolean allowHttp) {
        Violations violations = new Violations();
        String checkedUrl = url(violations, allowHttp);
        List<String> checkedEvents = events(violations);
        if (secret == null || secret.isBlank()) {
            violations.add("secret", "REQUIRED");
        } else if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            violations.add("secret", "SECRET_LENGTH", MIN_SECRET, MAX_SECRET, secret.length());
        }
        String checkedDescription = violations.optionalText("description", description, MAX_DESCRIPTION);
        violations.throwIfAny();
        return new Valid(checkedUrl, checkedEvents, secret, checkedDescription);
    }

    private @Nullable String url(Violations violations, boolean allowHttp) {
        String text = violations.requireText("url", url, MAX_URL);
        if (text == null || text.length() > MAX_URL) {
            return text;
        }
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException notAUri) {
            violations.add("url", "INVALID_WEBHOOK_URL", text);
            return text;
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!parsed.isAbsolute()
                || !(scheme.equals("https") || scheme.equals("http"))
                || parsed.getHost() == null
                || parsed.getRawUserInfo() != null
                || parsed.getRawFragment() != null) {
            // Credentials in the address would be shown to every reader of the endpoint: refused.
            violations.add("url", "INVALID_WEBHOOK_URL", text);
        } else if (scheme.equals("http") && !allowHttp) {
            violations.add("url", "WEBHOOK_HTTPS_REQUIRED", text);
        }
        return text;
    }

    private List<String> events(Violations violations) {
        if (events == null || events.isEmpty()) {
            violations.add("events", "EMPTY_LIST");
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String field = "events[" + i + "]";
            String type = events.get(i);
            if (type == null || type.isBlank()) {
                violations.add(field, "REQUIRED");
            } else if (!WebhookEventTypes.isSubscribable(type.strip())) {
                violations.add(
                        field, "UNKNOWN_EVENT_TYPE", type.strip(), String.join(", ", WebhookEventTypes.subscribable()));
            } else if (!seen.add(type.strip())) {
                violations.add(field, "DUPLICATE_VALUE", type.strip());
            } else {
                checked.add(type.strip());
            }
        }
        return checked;
    }
}
