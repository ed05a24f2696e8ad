ALTER TABLE workspace ADD COLUMN locked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE workspace ADD COLUMN purge_after TIMESTAMP WITH TIME ZONE;
-- Not a partial index: H2, which the local run uses, has none.
CREATE INDEX workspace_purge_due ON workspace (status, purge_after);
