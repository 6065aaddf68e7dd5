package org.directbill.enrollment.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code directbill.credit-bureau.*}: the credit bureau the enrollment asks, if any. Without a
 * {@code url} nothing is sent and credit analysts decide; with one, the {@code secret} is required:
 * it signs our requests and verifies the bureau's decisions (the service refuses to start without).
 *
 * @param url where requests are POSTed; empty for no bureau
 * @param secret the shared HMAC secret, both ways
 * @param callbackUrl the webhook address given to the bureau in each request
 * @param maxAttempts a request not taken after this many attempts is given up (FAILED)
 * @param every how often the outbox is worked
 */
@ConfigurationProperties("directbill.credit-bureau")
public record CreditBureauProperties(
        @Nullable String url,
        @Nullable String secret,

        @DefaultValue("http://localhost:8080/api/v1/credit-bureau/decisions")
        String callbackUrl,

        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("30s") Duration every) {

    public CreditBureauProperties {
        url = url == null ? "" : url.strip();
        secret = secret == null ? "" : secret;
        callbackUrl = callbackUrl.strip();
        if (!url.isEmpty()) {
            requireHttpUrl("directbill.credit-bureau.url", url);
            if (secret.isBlank()) {
                throw new IllegalArgumentException("directbill.credit-bureau.secret is required when"
                        + " directbill.credit-bureau.url is set: it signs the requests to the bureau and"
                        + " verifies the decisions it sends back");
            }
            requireHttpUrl("directbill.credit-bureau.callback-url", callbackUrl);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("directbill.credit-bureau timeouts must be more than zero");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("directbill.credit-bureau.max-attempts must be at least 1");
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("directbill.credit-bureau.every must be more than zero");
        }
    }

    /** A bureau is connected: requests are sent and its webhook is open. */
    public boolean configured() {
        return !url().isEmpty();
    }

    @Override
    public String url() {
        return url == null ? "" : url;
    }

    @Override
    public String secret() {
        return secret == null ? "" : secret;
    }

    /** How long a request being sent is held before another attempt may take it. */
    public Duration hold() {
        return connectTimeout.plus(readTimeout).plusMinutes(1);
    }

    private static void requireHttpUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException(key + " must be an absolute http or https URL, not " + value);
            }
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(key + " must be an absolute http or https URL, not " + value, malformed);
        }
    }
}
