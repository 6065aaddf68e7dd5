package org.directbill.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.junit.jupiter.api.Test;

class WebhookRegistrationTest {

    private static final String SECRET = "0123456789abcdef";

    private static List<Violation> violations(WebhookRegistration registration, boolean allowHttp) {
        try {
            registration.validate(allowHttp);
        } catch (InvalidInput invalid) {
            return invalid.violations();
        }
        throw new AssertionError("valid: " + registration);
    }

    private static List<String> codes(WebhookRegistration registration, boolean allowHttp) {
        return violations(registration, allowHttp).stream()
                .map(v -> v.field() + " " + v.code())
                .toList();
    }

    private static WebhookRegistration url(String url) {
        return new WebhookRegistration(url, List.of("partner.status.*"), SECRET, null);
    }

    @Test
    void a_valid_registration_keeps_the_secret_exactly_and_trims_the_rest() {
        WebhookRegistration.Valid valid = new WebhookRegistration(
                        " https://erp.example.com/hooks?source=directbill ",
                        List.of("partner.status.at_risk", " partner.status.revoked"),
                        " spaces count too ",
                        "  Our ERP  ")
                .validate(false);

        assertThat(valid.url()).isEqualTo("https://erp.example.com/hooks?source=directbill");
        assertThat(valid.events()).containsExactly("partner.status.at_risk", "partner.status.revoked");
        assertThat(valid.secret()).isEqualTo(" spaces count too ");
        assertThat(valid.description()).isEqualTo("Our ERP");
    }

    @Test
    void the_address_is_absolute_https_without_credentials_or_fragment() {
        assertThat(codes(url("erp.example.com/hooks"), true)).containsExactly("url INVALID_WEBHOOK_URL");
        assertThat(codes(url("/hooks"), true)).containsExactly("url INVALID_WEBHOOK_URL");
        assertThat(codes(url("ftp://erp.example.com/hooks"), true)).containsExactly("url INVALID_WEBHOOK_URL");
        assertThat(codes(url("https://user:pass@erp.example.com/hooks"), true))
                .containsExactly("url INVALID_WEBHOOK_URL");
        assertThat(codes(url("https://erp.example.com/hooks#top"), true)).containsExactly("url INVALID_WEBHOOK_URL");
        assertThat(codes(url("https://erp example.com"), true)).containsExactly("url INVALID_WEBHOOK_URL");
        assertThat(codes(url(""), true)).containsExactly("url REQUIRED");
        assertThat(codes(url("https://e.example/" + "x".repeat(2000)), true)).containsExactly("url TOO_LONG");
    }

    @Test
    void plain_http_is_refused_unless_the_service_allows_it() {
        assertThat(codes(url("http://127.0.0.1:8080/hooks"), false)).containsExactly("url WEBHOOK_HTTPS_REQUIRED");
        assertThat(codes(url("http://localhost/hooks"), false)).containsExactly("url WEBHOOK_HTTPS_REQUIRED");
        assertThat(url("http://127.0.0.1:8080/hooks").validate(true).url()).isEqualTo("http://127.0.0.1:8080/hooks");
        assertThat(url("HTTPS://erp.example.com").validate(false).url()).isEqualTo("HTTPS://erp.example.com");
    }

    @Test
    void events_are_known_types_or_the_wildcard_each_once_and_each_error_names_its_place() {
        WebhookRegistration registration = new WebhookRegistration(
                "https://erp.example.com",
                Arrays.asList(
                        "partner.status.active",
                        "partner.status.*",
                        "partner.status.gone",
                        null,
                        "partner.status.active"),
                SECRET,
                null);

        List<Violation> found = violations(registration, false);

        assertThat(found.stream().map(v -> v.field() + " " + v.code()))
                .containsExactly("events[2] UNKNOWN_EVENT_TYPE", "events[3] REQUIRED", "events[4] DUPLICATE_VALUE");
        assertThat(found.get(0).arguments())
                .containsExactly(
                        "partner.status.gone",
                        "partner.status.*, partner.status.active, partner.status.at_risk, partner.status.restricted,"
                                + " partner.status.suspended, partner.status.revoked");
        assertThat(codes(new WebhookRegistration("https://e.example", List.of(), SECRET, null), false))
                .containsExactly("events EMPTY_LIST");
        assertThat(codes(new WebhookRegistration("https://e.example", null, SECRET, null), false))
                .containsExactly("events EMPTY_LIST");
    }

    @Test
    void the_secret_has_16_to_200_characters_and_every_field_is_reported_at_once() {
        assertThat(codes(
                        new WebhookRegistration("https://e.example", List.of("partner.status.*"), "x".repeat(15), null),
                        false))
                .containsExactly("secret SECRET_LENGTH");
        assertThat(codes(
                        new WebhookRegistration(
                                "https://e.example", List.of("partner.status.*"), "x".repeat(201), null),
                        false))
                .containsExactly("secret SECRET_LENGTH");
        assertThat(new WebhookRegistration("https://e.example", List.of("partner.status.*"), "x".repeat(200), null)
                        .validate(false)
                        .secret())
                .hasSize(200);

        assertThat(codes(new WebhookRegistration(null, null, null, "d".repeat(501)), false))
                .containsExactly("url REQUIRED", "events EMPTY_LIST", "secret REQUIRED", "description TOO_LONG");
    }

    @Test
    void the_wildcard_covers_every_status_and_a_type_only_itself() {
        assertThat(WebhookEventTypes.covers("partner.status.*", "partner.status.suspended"))
                .isTrue();
        assertThat(WebhookEventTypes.covers("partner.status.*", "partner.status.someday_new"))
                .isTrue();
        assertThat(WebhookEventTypes.covers("partner.status.*", "partner.profile.changed"))
                .isFalse();
        assertThat(WebhookEventTypes.covers("partner.status.at_risk", "partner.status.at_risk"))
                .isTrue();
        assertThat(WebhookEventTypes.covers("partner.status.at_risk", "partner.status.restricted"))
                .isFalse();
    }

    @Test
    void an_endpoint_shows_only_the_last_four_characters_of_its_secret_and_never_prints_it() {
        WebhookEndpoint endpoint = new WebhookEndpoint(
                java.util.UUID.randomUUID(),
                "https://e.example",
                List.of("partner.status.*"),
                "a-long-secret-ending-in-WXYZ",
                null,
                true,
                java.time.Instant.EPOCH,
                "admin",
                java.time.Instant.EPOCH,
                null);

        assertThat(endpoint.secretHint()).isEqualTo("…WXYZ");
        assertThat(endpoint.toString()).doesNotContain("secret-ending");
    }
}
