@NullMarked
package org.directbill.partner.api;

import org.jspecify.annotations.NullMarked;
