@NullMarked
package org.directbill.audit.internal;

import org.jspecify.annotations.NullMarked;
