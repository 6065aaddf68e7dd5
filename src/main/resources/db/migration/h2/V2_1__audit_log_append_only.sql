-- On H2 the append-only rule is a Java trigger; the embedded database is for trying the service out.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
    FOR EACH ROW CALL 'org.directbill.audit.internal.H2AppendOnlyTrigger';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
    FOR EACH ROW CALL 'org.directbill.audit.internal.H2AppendOnlyTrigger';
