@NullMarked
package org.directbill.revenue.internal;

import org.jspecify.annotations.NullMarked;
