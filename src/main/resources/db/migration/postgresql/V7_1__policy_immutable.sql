-- A published policy is never edited, only superseded: the database refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION policy_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'policy is immutable: a published version is only superseded';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER policy_no_update_or_delete
    BEFORE UPDATE OR DELETE ON policy
    FOR EACH ROW EXECUTE FUNCTION policy_is_immutable();

CREATE TRIGGER policy_no_truncate
    BEFORE TRUNCATE ON policy
    FOR EACH STATEMENT EXECUTE FUNCTION policy_is_immutable();
