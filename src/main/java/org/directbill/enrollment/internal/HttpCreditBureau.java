package org.directbill.enrollment.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import org.directbill.enrollment.domain.CreditBureau;
import org.directbill.enrollment.domain.CreditCheckRequest;
import org.directbill.enrollment.domain.HmacSigner;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit bureau over HTTP: the request is POSTed as JSON to {@code directbill.credit-bureau.url},
 * signed like the webhook ({@link HmacSigner}); any 2xx is taken, with the bureau's {@code reference}
 * when its answer holds one. The body is serialized here, once, so the signature covers exactly the
 * bytes sent.
 */
@Component
class HttpCreditBureau implements CreditBureau {

    private static final int MAX_REFERENCE = 200;

    private final CreditBureauProperties settings;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient rest;

    HttpCreditBureau(CreditBureauProperties settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // A redirect is not an acceptance: it is reported and the request tried again later.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.rest = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public Submission request(CreditCheckRequest request) {
        if (!settings.configured()) {
            throw new IllegalStateException("no credit bureau is configured (directbill.credit-bureau.url)");
        }
        byte[] body = json.writeValueAsBytes(CreditCheckRequestJson.of(request));
        long timestamp = clock.instant().getEpochSecond();
        try {
            byte[] answer = rest.post()
                    .uri(URI.create(settings.url()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(HmacSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(
                            HmacSigner.SIGNATURE_HEADER,
                            HmacSigner.of(settings.secret()).sign(timestamp, body))
                    .body(body)
                    .retrieve()
                    .onStatus(status -> !status.is2xxSuccessful(), (sent, response) -> {
                        throw new Unavailable(
                                "HTTP " + response.getStatusCode().value() + " from the credit bureau", null);
                    })
                    .body(byte[].class);
            return new Submission(reference(answer));
        } catch (RestClientException unreachable) {
            throw new Unavailable(String.valueOf(unreachable.getMessage()), unreachable);
        }
    }

    /** The bureau's reference, if its answer is a JSON object that has one; anything else is no reference. */
    private @Nullable String reference(byte @Nullable [] answer) {
        if (answer == null || answer.length == 0) {
            return null;
        }
        try {
            JsonNode reference = json.readTree(answer).get("reference");
            if (reference == null
                    || !reference.isString()
                    || reference.asString().isBlank()) {
                return null;
            }
            String text = reference.asString().strip();
            return text.length() > MAX_REFERENCE ? text.substring(0, MAX_REFERENCE) : text;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
