package org.directbill.enrollment;

import java.time.Instant;
import org.directbill.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Enrollment tests run on a Wednesday in June 2023, under {@code csp-direct-2021}, on a clock they
 * can move (reminders, due dates, service levels). Tests that move it put it back.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EnrollmentTime {

    public static final Instant START = Instant.parse("2023-06-14T09:00:00Z");

    @Bean
    PublishedNotices publishedNotices() {
        return new PublishedNotices();
    }

    @Bean
    @Primary
    MutableClock enrollmentClock() {
        return new MutableClock(START);
    }
}
