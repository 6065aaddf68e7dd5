package org.directbill.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.directbill.notification.EmailOutbox;
import org.directbill.notification.WebhookOutbox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings, and the recurring db-scheduler tasks that deliver the outboxes (emails, webhooks) on
 * one node at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationSettings.class, WebhookSettings.class})
class NotificationConfiguration {

    static final String OUTBOX_TASK = "notification-outbox";
    static final String WEBHOOK_TASK = "webhook-outbox";

    @Bean
    RecurringTask<Void> notificationOutboxTask(EmailOutbox outbox, NotificationSettings settings, Clock clock) {
        return Tasks.recurring(OUTBOX_TASK, FixedDelay.of(settings.outboxInterval()))
                .execute((instance, context) -> outbox.deliverDue(clock.instant()));
    }

    @Bean
    RecurringTask<Void> webhookOutboxTask(WebhookOutbox outbox, WebhookSettings settings, Clock clock) {
        return Tasks.recurring(WEBHOOK_TASK, FixedDelay.of(settings.every()))
                .execute((instance, context) -> outbox.deliverDue(clock.instant()));
    }
}
