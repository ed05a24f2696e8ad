-- The global order goes on after the entries written before the chains (see V51).
ALTER SEQUENCE audit_entry_seq RESTART WITH (SELECT max(last_seq) + 1 FROM audit_head);
