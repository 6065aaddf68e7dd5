@NullMarked
package org.directbill.audit.api;

import org.jspecify.annotations.NullMarked;
