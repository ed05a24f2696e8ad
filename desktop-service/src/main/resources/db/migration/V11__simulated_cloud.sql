-- The simulated cloud provider's servers (the default provider; a real cloud keeps its own).
CREATE TABLE simulated_server (
    id            VARCHAR(36)              PRIMARY KEY,
    volume_id     VARCHAR(36)              NOT NULL,
    name          VARCHAR(100)             NOT NULL,
    cores         INTEGER                  NOT NULL,
    state         VARCHAR(20)              NOT NULL,
    pending_state VARCHAR(20),
    settles_at    TIMESTAMP WITH TIME ZONE,
    fault         VARCHAR(4000)
);
