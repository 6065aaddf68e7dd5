package org.directbill.enrollment.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.directbill.enrollment.EnrollmentTimers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The enrollment timers on db-scheduler: one node of the cluster runs them for today, every
 * {@code directbill.enrollment.timers-every} (a run changes nothing that an earlier one of the same
 * day did, so running often only makes reminders and withdrawals prompt).
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentSchedule {

    @Bean
    Task<Void> enrollmentTimersTask(
            EnrollmentTimers timers, @Value("${directbill.enrollment.timers-every:PT1H}") Duration every) {
        return Tasks.recurring("enrollment-timers", FixedDelay.of(every))
                .execute((instance, context) -> timers.runToday());
    }
}
