@NullMarked
package org.directbill.partner.web;

import org.jspecify.annotations.NullMarked;
