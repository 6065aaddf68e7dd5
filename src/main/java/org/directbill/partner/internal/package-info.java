@NullMarked
package org.directbill.partner.internal;

import org.jspecify.annotations.NullMarked;
