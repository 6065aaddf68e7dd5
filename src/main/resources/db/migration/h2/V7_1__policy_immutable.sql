-- On H2 the rule that a published policy is never edited is a Java trigger, as for the audit log.
CREATE TRIGGER policy_no_update BEFORE UPDATE ON policy
    FOR EACH ROW CALL 'org.directbill.policy.internal.H2PolicyImmutableTrigger';
CREATE TRIGGER policy_no_delete BEFORE DELETE ON policy
    FOR EACH ROW CALL 'org.directbill.policy.internal.H2PolicyImmutableTrigger';
