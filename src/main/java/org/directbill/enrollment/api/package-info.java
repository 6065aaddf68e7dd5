@NullMarked
package org.directbill.enrollment.api;

import org.jspecify.annotations.NullMarked;
