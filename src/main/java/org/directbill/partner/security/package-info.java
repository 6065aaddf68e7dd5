@NullMarked
package org.directbill.partner.security;

import org.jspecify.annotations.NullMarked;
