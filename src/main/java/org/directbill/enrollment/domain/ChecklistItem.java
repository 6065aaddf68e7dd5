package org.directbill.enrollment.domain;

/** What a reviewer verifies about the company (domain.md, enrollment step 3). */
public enum ChecklistItem {
    LEGAL_NAME_AND_ADDRESS,
    REGISTRATION_ID,
    EMAIL_OWNERSHIP,
    CONTACT_EMPLOYMENT
}
