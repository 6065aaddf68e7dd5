@NullMarked
package org.directbill.revenue.api;

import org.jspecify.annotations.NullMarked;
