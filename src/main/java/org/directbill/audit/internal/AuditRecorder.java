package org.directbill.audit.internal;

import java.time.Clock;
import org.directbill.audit.AuditEntry;
import org.directbill.shared.audit.AuditEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends each {@link AuditEvent} synchronously, inside the transaction of the change it describes:
 * if the change rolls back, so does its entry, and a change cannot commit without its entry.
 */
@Component
class AuditRecorder {

    static final String SYSTEM = "system";

    private final JdbcAuditLog log;
    private final JsonMapper json;
    private final Clock clock;

    AuditRecorder(JdbcAuditLog log, JsonMapper json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(AuditEvent event) {
        log.append(new AuditEntry(
                0,
                clock.instant(),
                actor(),
                event.subject(),
                event.subjectType(),
                event.subjectId(),
                event.action(),
                toJson(event.before()),
                toJson(event.after()),
                event.reason()));
    }

    private @Nullable String toJson(@Nullable Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }
}
