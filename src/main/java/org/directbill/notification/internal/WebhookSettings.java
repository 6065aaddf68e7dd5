package org.directbill.notification.internal;

import java.time.Duration;
import org.directbill.notification.domain.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code directbill.webhooks.*}: how often deliveries are sent, how long a receiver is waited for,
 * and how failed deliveries are retried.
 *
 * @param every how long the webhook task waits between two runs
 * @param firstRetry the wait after a first failed attempt; it doubles with each further failure
 * @param maxRetryDelay the longest wait between two attempts; a delivery is retried for as long as its
 *     endpoint is enabled (at least once)
 * @param connectTimeout how long a connection to a receiver may take
 * @param readTimeout how long a receiver may take to answer once connected
 * @param allowHttp whether endpoints may be plain {@code http} (development, tests); otherwise only
 *     {@code https}, so that events and signatures never cross a network in clear
 */
@ConfigurationProperties("directbill.webhooks")
public record WebhookSettings(
        @DefaultValue("5s") Duration every,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("false") boolean allowHttp) {

    /** Never gives up: an enabled endpoint gets every event, however long it is away. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(firstRetry, maxRetryDelay, Integer.MAX_VALUE);
    }

    /**
     * How long a delivery may stay SENDING before it is taken to be left by a node that stopped: the
     * timeouts of one POST and a minute more, so a live sender is never overtaken.
     */
    public Duration sendingLease() {
        return connectTimeout.plus(readTimeout).plusMinutes(1);
    }
}
