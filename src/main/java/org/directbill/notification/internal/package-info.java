/**
 * The notices' storage, the listener that records them in the publisher's transaction, their words
 * in a reader's language, and the outbox's settings and recurring task.
 */
@NullMarked
package org.directbill.notification.internal;

import org.jspecify.annotations.NullMarked;
