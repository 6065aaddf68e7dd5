@NullMarked
package org.directbill.compliance.internal;

import org.jspecify.annotations.NullMarked;
