@NullMarked
package org.directbill.enrollment.web;

import org.jspecify.annotations.NullMarked;
