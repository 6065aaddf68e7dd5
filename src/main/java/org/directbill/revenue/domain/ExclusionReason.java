package org.directbill.revenue.domain;

/**
 * Why a line billed in the window is left out of the revenue. A line is listed under one reason
 * only: the first that applies, in the order declared here (domain.md, TTM result).
 */
public enum ExclusionReason {
    /** Its category is not counted as cloud revenue. */
    CATEGORY,
    /** A reviewer rejected it in verification. */
    REJECTED,
    /** It has no paid date, or was paid after the as-of date. */
    UNPAID
}
