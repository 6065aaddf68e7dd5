@NullMarked
package org.directbill.revenue.web;

import org.jspecify.annotations.NullMarked;
