/** The page listing a partner's notifications, in the reader's language. */
@NullMarked
package org.directbill.notification.web;

import org.jspecify.annotations.NullMarked;
