package org.directbill.audit;

import org.directbill.shared.Page;

/** Reads the audit log; only the recorder appends to it, and nothing ever changes or removes an entry. */
public interface AuditLog {

    /** The entries about one subject (or all, when {@code subject} is blank), newest first. */
    Page<AuditEntry> find(String subject, Page.Request request);
}
