package org.directbill.enrollment.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.directbill.enrollment.CreditBureauRequests;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credit bureau settings, and the outbox worked on db-scheduler: one node of the cluster sends
 * what is due every {@code directbill.credit-bureau.every}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CreditBureauProperties.class)
class CreditBureauConfiguration {

    @Bean
    Task<Void> creditBureauRequestsTask(CreditBureauRequests requests, CreditBureauProperties settings, Clock clock) {
        return Tasks.recurring("credit-bureau-requests", FixedDelay.of(settings.every()))
                .execute((instance, context) -> requests.deliverDue(clock.instant()));
    }
}
