package org.directbill.shared;

import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile on the embedded H2 database, before anything opens it:
 * production data belongs in PostgreSQL, which is backed up, shared by instances and tuned for the
 * ledger.
 */
public class ProductionDatabaseGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        String url = environment.getProperty("spring.datasource.url", "");
        if (production && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(refusal(url));
        }
    }

    static String refusal(String url) {
        return "The 'prod' profile runs only on PostgreSQL, but the database URL is '" + url + "'. "
                + "The embedded H2 database is for trying directbill out. Start with the profiles 'prod,postgres' "
                + "and set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.";
    }
}
