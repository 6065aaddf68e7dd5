@NullMarked
package org.directbill.enrollment.internal;

import org.jspecify.annotations.NullMarked;
