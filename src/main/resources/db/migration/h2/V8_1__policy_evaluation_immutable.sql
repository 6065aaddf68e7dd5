-- A stored evaluation is never rewritten: H2 refuses it with the policy module's Java trigger.
CREATE TRIGGER policy_evaluation_no_update BEFORE UPDATE ON policy_evaluation
    FOR EACH ROW CALL 'org.directbill.policy.internal.H2PolicyImmutableTrigger';
CREATE TRIGGER policy_evaluation_no_delete BEFORE DELETE ON policy_evaluation
    FOR EACH ROW CALL 'org.directbill.policy.internal.H2PolicyImmutableTrigger';
