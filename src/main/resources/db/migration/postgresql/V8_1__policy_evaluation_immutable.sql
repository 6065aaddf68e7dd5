-- A stored evaluation is never rewritten: no UPDATE, DELETE or TRUNCATE.
CREATE FUNCTION policy_evaluation_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'policy_evaluation rows are immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER policy_evaluation_no_update_or_delete
    BEFORE UPDATE OR DELETE ON policy_evaluation
    FOR EACH ROW EXECUTE FUNCTION policy_evaluation_is_immutable();

CREATE TRIGGER policy_evaluation_no_truncate
    BEFORE TRUNCATE ON policy_evaluation
    FOR EACH STATEMENT EXECUTE FUNCTION policy_evaluation_is_immutable();
