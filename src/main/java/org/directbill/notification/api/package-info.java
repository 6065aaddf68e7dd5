/** The notices of a partner ({@code GET /partners/{id}/notifications}) and the outbox for operations. */
@NullMarked
package org.directbill.notification.api;

import org.jspecify.annotations.NullMarked;
