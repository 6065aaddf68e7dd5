@NullMarked
package org.directbill.audit.web;

import org.jspecify.annotations.NullMarked;
