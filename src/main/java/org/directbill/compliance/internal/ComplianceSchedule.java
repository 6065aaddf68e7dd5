package org.directbill.compliance.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.directbill.compliance.ComplianceRuns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily compliance run on db-scheduler: one node of the cluster runs it for today, on the
 * schedule {@code directbill.compliance.schedule} (db-scheduler's syntax; by default {@code
 * DAILY|00:05}, UTC, as dates are UTC calendar dates). A run missed while every node was down runs
 * when one starts; running twice on a day changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceSchedule {

    @Bean
    Task<Void> complianceRunTask(
            ComplianceRuns runs, @Value("${directbill.compliance.schedule:DAILY|00:05}") String schedule) {
        return Tasks.recurring("compliance-run", Schedules.parseSchedule(schedule))
                .execute((instance, context) -> runs.runToday());
    }
}
