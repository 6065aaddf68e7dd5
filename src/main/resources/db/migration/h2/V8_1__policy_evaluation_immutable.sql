-- A stored evaluation is never rewritten: H2 refuses it with the same Java trigger as the audit log.
CREATE TRIGGER policy_evaluation_no_update BEFORE UPDATE ON policy_evaluation
    FOR EACH ROW CALL 'org.directbill.audit.internal.H2AppendOnlyTrigger';
CREATE TRIGGER policy_evaluation_no_delete BEFORE DELETE ON policy_evaluation
    FOR EACH ROW CALL 'org.directbill.audit.internal.H2AppendOnlyTrigger';
