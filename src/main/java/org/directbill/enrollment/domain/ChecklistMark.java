package org.directbill.enrollment.domain;

/** A reviewer's finding on one checklist item; an item without a mark has not been looked at yet. */
public enum ChecklistMark {
    CONFIRMED,
    /** Something does not match: the enrollment cannot be VERIFIED until it is confirmed. */
    PROBLEM
}
