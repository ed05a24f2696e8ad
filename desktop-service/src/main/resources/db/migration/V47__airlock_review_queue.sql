-- The reviewers' queues (GET /exports, GET /imports) read requests of every workspace by state, oldest first.
CREATE INDEX airlock_export_queue ON airlock_export (status, requested_at);
CREATE INDEX airlock_import_queue ON airlock_import (status, requested_at);
