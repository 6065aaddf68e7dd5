package org.directbill.policy.domain;

/** How much a requirement weighs: a REQUIRED one decides eligibility, a RECOMMENDED one never blocks. */
public enum Level {
    REQUIRED,
    RECOMMENDED
}
