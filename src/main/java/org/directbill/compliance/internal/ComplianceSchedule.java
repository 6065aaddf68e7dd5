package org.directbill.compliance.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.directbill.compliance.ComplianceRuns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily compliance run on db-scheduler: one node of the cluster runs it for today, at {@code
 * directbill.compliance.run-at} (UTC; dates are UTC calendar dates). A run missed while every node
 * was down runs when one starts; running twice on a day changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceSchedule {

    @Bean
    Task<Void> complianceRunTask(ComplianceRuns runs, @Value("${directbill.compliance.run-at:00:05}") LocalTime runAt) {
        return Tasks.recurring("compliance-run", new Daily(ZoneOffset.UTC, runAt))
                .execute((instance, context) -> runs.runToday());
    }
}
