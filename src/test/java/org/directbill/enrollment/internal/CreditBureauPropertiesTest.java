package org.directbill.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

class CreditBureauPropertiesTest {

    static final String CALLBACK = "http://localhost:8080/api/v1/credit-bureau/decisions";

    static CreditBureauProperties of(String url, String secret, String callback) {
        return new CreditBureauProperties(
                url, secret, callback, Duration.ofSeconds(5), Duration.ofSeconds(10), 10, Duration.ofSeconds(30));
    }

    @Test
    void without_a_url_there_is_no_bureau_and_no_secret_is_needed() {
        assertThat(of("", "", CALLBACK).configured()).isFalse();
        assertThat(of("  ", "", CALLBACK).configured()).isFalse();
        assertThat(new CreditBureauProperties(
                                null,
                                null,
                                CALLBACK,
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(10),
                                10,
                                Duration.ofSeconds(30))
                        .configured())
                .isFalse();
    }

    @Test
    void a_url_without_a_secret_refuses_to_start_and_says_why() {
        assertThatThrownBy(() -> of("https://bureau.example.com/checks", "", CALLBACK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directbill.credit-bureau.secret is required");
        assertThatThrownBy(() -> of("https://bureau.example.com/checks", "   ", CALLBACK))
                .hasMessageContaining("directbill.credit-bureau.secret is required");
    }

    @Test
    void the_urls_must_be_absolute_http_urls() {
        assertThatThrownBy(() -> of("bureau.example.com/checks", "s3cret", CALLBACK))
                .hasMessageContaining("directbill.credit-bureau.url");
        assertThatThrownBy(() -> of("ftp://bureau.example.com/checks", "s3cret", CALLBACK))
                .hasMessageContaining("directbill.credit-bureau.url");
        assertThatThrownBy(() -> of("https://bureau.example.com/checks", "s3cret", "/api/v1/credit-bureau/decisions"))
                .hasMessageContaining("directbill.credit-bureau.callback-url");
        CreditBureauProperties connected = of(" https://bureau.example.com/checks ", "s3cret", CALLBACK);
        assertThat(connected.configured()).isTrue();
        assertThat(connected.url()).isEqualTo("https://bureau.example.com/checks");
    }

    @EnableConfigurationProperties(CreditBureauProperties.class)
    static class Bound {}

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void bound_from_the_environment_the_defaults_apply_and_a_missing_secret_stops_the_start() {
        context.run(started -> {
            CreditBureauProperties none = started.getBean(CreditBureauProperties.class);
            assertThat(none.configured()).isFalse();
            assertThat(none.maxAttempts()).isEqualTo(10);
            assertThat(none.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
        context.withPropertyValues("directbill.credit-bureau.url=https://bureau.example.com/checks")
                .run(refused -> {
                    assertThat(refused).hasFailed();
                    assertThat(NestedExceptionUtils.getMostSpecificCause(refused.getStartupFailure())
                                    .getMessage())
                            .contains("directbill.credit-bureau.secret is required");
                });
        context.withPropertyValues(
                        "directbill.credit-bureau.url=https://bureau.example.com/checks",
                        "directbill.credit-bureau.secret=s3cret")
                .run(started -> assertThat(
                                started.getBean(CreditBureauProperties.class).configured())
                        .isTrue());
    }
}
