-- Several audit chains instead of one: a committing transaction chains its entries onto whichever head no other
-- transaction holds (FOR UPDATE SKIP LOCKED), so concurrent writers and replicas never queue on one row. Each entry
-- links to the entry before it in its chain; seq stays one order over all chains, drawn from a sequence (which
-- locks no row) while the chain's head is held, so it rises along every chain.
ALTER TABLE audit_entry ADD COLUMN chain SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE audit_entry ALTER COLUMN chain DROP DEFAULT;
CREATE INDEX audit_entry_chain ON audit_entry (chain, seq);

-- The single chain written so far goes on as chain 0.
UPDATE audit_head SET id = 0 WHERE id = 1;
INSERT INTO audit_head (id, last_seq, last_hash)
SELECT n, 0, '0000000000000000000000000000000000000000000000000000000000000000' FROM generate_series(1, 15) AS chains(n);

CREATE SEQUENCE audit_entry_seq;
