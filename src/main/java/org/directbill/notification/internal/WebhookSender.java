package org.directbill.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.directbill.notification.domain.WebhookSignature;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery over HTTP ({@code java.net.http}): the stored body as it is, signed at the time
 * of the attempt, with the event type and the delivery id in headers. Any 2xx is a delivery; anything
 * else, a redirect included, is a failure to retry. The answer's body is not read: a receiver cannot
 * hold the sender beyond the timeouts by answering slowly.
 */
@Component
public class WebhookSender {

    public static final String EVENT_HEADER = "X-Directbill-Event";
    public static final String DELIVERY_HEADER = "X-Directbill-Delivery";

    private static final int MAX_ERROR_LENGTH = 2000;

    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient client;

    WebhookSender(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // A redirect is not a delivery: reported, and tried again later at the registered address.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * How a POST ended: the receiver's status when it answered, and why it is not a delivery (null
     * when it is one).
     */
    public record Outcome(
            @Nullable Integer httpStatus, @Nullable String error, long durationMillis) {
        public boolean delivered() {
            return error == null;
        }
    }

    public Outcome post(String url, String secret, UUID deliveryId, String eventType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // Signed with the time of sending, not of the run: receivers refuse timestamps a few minutes old,
        // and a run held up by slow receivers may last that long.
        long signedAt = clock.instant().getEpochSecond();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "directbill-webhooks/1")
                    .header(EVENT_HEADER, eventType)
                    .header(DELIVERY_HEADER, deliveryId.toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, signedAt, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // Closing unread drops the connection rather than waiting for a body nobody reads.
            response.body().close();
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "HTTP " + status;
            return new Outcome(status, error, millisSince(started));
        } catch (HttpTimeoutException timeout) {
            return new Outcome(null, describe("Timeout", timeout), millisSince(started));
        } catch (IOException | IllegalArgumentException failure) {
            return new Outcome(null, describe(failure.getClass().getSimpleName(), failure), millisSince(started));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Interrupted while sending", millisSince(started));
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** What failed and why, with the cause when it says more (the JDK's ConnectException says nothing). */
    private static String describe(String what, Exception failure) {
        StringBuilder text = new StringBuilder(what);
        if (failure.getMessage() != null) {
            text.append(": ").append(failure.getMessage());
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(failure.getMessage())) {
            text.append(" (")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append(')');
        }
        return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH);
    }
}
