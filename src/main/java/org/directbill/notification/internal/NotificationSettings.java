package org.directbill.notification.internal;

import java.time.Duration;
import org.directbill.notification.domain.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code directbill.notification.*}: where links point, who emails come from, and how the outbox
 * retries.
 *
 * @param baseUrl what a notice's link (a path) is appended to in an email
 * @param from the emails' From address
 * @param outboxInterval how long the outbox task waits between two runs
 * @param firstRetry the wait after a first failed attempt; it doubles with each further failure
 * @param maxRetryDelay the longest wait between two attempts
 * @param maxAttempts attempts before an email is given up (FAILED)
 * @param sendingLease how long an email may stay SENDING before it is taken to be left by a crash
 *     and tried again
 */
@ConfigurationProperties("directbill.notification")
public record NotificationSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("no-reply@directbill.localhost") String from,
        @DefaultValue("30s") Duration outboxInterval,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("10m") Duration sendingLease) {

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(firstRetry, maxRetryDelay, maxAttempts);
    }

    /** The link as an absolute address: a path is appended to the base URL, an address kept. */
    public String absolute(String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (link.startsWith("/") ? link : "/" + link);
    }
}
