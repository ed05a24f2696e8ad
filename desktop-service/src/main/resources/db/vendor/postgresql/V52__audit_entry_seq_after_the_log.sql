-- The global order goes on after the entries written before the chains (see V51).
SELECT setval('audit_entry_seq', (SELECT max(last_seq) + 1 FROM audit_head), false);
