/**
 * Notifications: what a partner is told, in the app and by email. Every module publishes a {@link
 * org.directbill.shared.notice.PartnerNotice} inside its change's transaction; this module stores
 * it there (the in-app notice and one outbox email per recipient), delivers the emails afterwards
 * with retries, and lists the notices in the reader's language.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications")
package org.directbill.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
