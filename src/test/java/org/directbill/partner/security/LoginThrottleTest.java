package org.directbill.partner.security;

import static org.directbill.support.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/** Repeated failed sign-ins lock an account for a while, even against the right password. */
@IntegrationTest
@Import(LoginThrottleTest.MovableTime.class)
class LoginThrottleTest {

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void five_wrong_passwords_lock_the_account_until_the_lock_expires() throws Exception {
        MutableClock time = (MutableClock) clock;
        Fixtures fixtures = new Fixtures(mvc);
        String email = fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("Throttle")), "REPORT_VIEWER");
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(email, "wrong-password-" + attempt)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        }
        mvc.perform(get("/api/v1/me").with(as(email)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("LOGIN_THROTTLED"));

        time.advance(Duration.ofSeconds(61));
        mvc.perform(get("/api/v1/me").with(as(email))).andExpect(status().isOk());
    }

    @Test
    void the_lock_doubles_with_each_further_failure() throws Exception {
        MutableClock time = (MutableClock) clock;
        Fixtures fixtures = new Fixtures(mvc);
        String email = fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("Throttle")), "REPORT_VIEWER");
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(email, "wrong")));
        }
        time.advance(Duration.ofSeconds(61));
        mvc.perform(get("/api/v1/me").with(httpBasic(email, "wrong-again"))).andExpect(status().isUnauthorized());
        time.advance(Duration.ofSeconds(61));
        mvc.perform(get("/api/v1/me").with(as(email)))
                .andExpect(jsonPath("$.code").value("LOGIN_THROTTLED"));
        time.advance(Duration.ofSeconds(60));
        mvc.perform(get("/api/v1/me").with(as(email))).andExpect(status().isOk());
    }

    @Test
    void failures_on_one_account_do_not_lock_another() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Throttle"));
        String victim = fixtures.addPartnerUser(partner, "REPORT_VIEWER");
        String bystander = fixtures.addPartnerUser(partner, "REPORT_VIEWER");
        for (int attempt = 0; attempt < 6; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(victim, "wrong")));
        }
        mvc.perform(get("/api/v1/me").with(as(bystander))).andExpect(status().isOk());
    }
}
