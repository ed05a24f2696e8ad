ALTER TABLE workspace ADD COLUMN locked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE workspace ADD COLUMN purge_after TIMESTAMP WITH TIME ZONE;
CREATE INDEX workspace_purge_due ON workspace (purge_after) WHERE status = 'LOCKED';
