/** The notices and their emails as plain Java: kinds, typed arguments, languages, retries. */
@NullMarked
package org.directbill.notification.domain;

import org.jspecify.annotations.NullMarked;
