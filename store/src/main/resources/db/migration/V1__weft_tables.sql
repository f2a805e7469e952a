-- Weft's durable store: one table per grid map, one row per entry. Every table has the entry's key
-- (id), its revision (a row is only ever replaced by a revision at least as high: see
-- io.weft.store.jdbc.Upsert), its expiry (rows past it are neither loaded nor kept), the entry itself
-- (doc as JSON, or data as bytes), and a column for each field an operator would ask about.
-- ${json}, ${bytes} and ${time} are jsonb, bytea and timestamptz on PostgreSQL; TEXT, BLOB and
-- INTEGER (epoch milliseconds) on SQLite.

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    name        TEXT,
    state       TEXT,
    created_at  ${time},
    doc         ${json} NOT NULL
);

CREATE TABLE tasks (
    id              TEXT PRIMARY KEY,
    revision        BIGINT NOT NULL,
    expires_at      ${time},
    session_id      TEXT NOT NULL,
    type            TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempt         INTEGER NOT NULL,
    priority        INTEGER,
    worker          TEXT,
    parent_id       TEXT,
    idempotency_key TEXT,
    created_at      ${time},
    due_at          ${time},
    updated_at      ${time},
    doc             ${json} NOT NULL
);
CREATE INDEX tasks_session ON tasks (session_id);
CREATE INDEX tasks_status ON tasks (status);

CREATE TABLE results (
    id            TEXT PRIMARY KEY,
    revision      BIGINT NOT NULL,
    expires_at    ${time},
    session_id    TEXT NOT NULL,
    name          TEXT,
    status        TEXT NOT NULL,
    owner_task_id TEXT,
    size_bytes    BIGINT,
    created_at    ${time},
    doc           ${json} NOT NULL
);
CREATE INDEX results_session ON results (session_id);
CREATE INDEX results_expiry ON results (expires_at);

-- A result's bytes, one row per chunk of up to 1 MiB; id is "<result id>#<index>".
CREATE TABLE chunks (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    result_id   TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    data        ${bytes} NOT NULL
);
CREATE INDEX chunks_result ON chunks (result_id);
CREATE INDEX chunks_expiry ON chunks (expires_at);

-- Which inputs a WAITING task with several still waits for.
CREATE TABLE input_tallies (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    session_id  TEXT NOT NULL,
    doc         ${json} NOT NULL
);

CREATE TABLE subtask_links (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    parent_id   TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    doc         ${json} NOT NULL
);
CREATE INDEX subtask_links_parent ON subtask_links (parent_id);

CREATE TABLE session_written_bytes (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    doc         ${json} NOT NULL
);

CREATE TABLE schedules (
    id           TEXT PRIMARY KEY,
    revision     BIGINT NOT NULL,
    expires_at   ${time},
    session_id   TEXT,
    state        TEXT NOT NULL,
    next_fire_at ${time},
    doc          ${json} NOT NULL
);

CREATE TABLE task_logs (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    session_id  TEXT NOT NULL,
    doc         ${json} NOT NULL
);

CREATE TABLE hooks (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    scope       TEXT NOT NULL,
    scope_id    TEXT,
    url         TEXT NOT NULL,
    doc         ${json} NOT NULL
);

CREATE TABLE hook_deliveries (
    id              TEXT PRIMARY KEY,
    revision        BIGINT NOT NULL,
    expires_at      ${time},
    hook_id         TEXT NOT NULL,
    session_id      TEXT,
    task_id         TEXT,
    state           TEXT NOT NULL,
    next_attempt_at ${time},
    doc             ${json} NOT NULL
);
CREATE INDEX hook_deliveries_hook ON hook_deliveries (hook_id);
CREATE INDEX hook_deliveries_expiry ON hook_deliveries (expires_at);

-- The gateway's API keys, as it keeps them: name, scopes and the SHA-256 of the secret, never the secret.
CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    doc         ${json} NOT NULL
);

-- Which key created a session (the gateway's isolation of keys).
CREATE TABLE session_owners (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    key_id      TEXT NOT NULL,
    doc         ${json} NOT NULL
);

-- The session POST /v1/run submits into, per key.
CREATE TABLE run_sessions (
    id          TEXT PRIMARY KEY,
    revision    BIGINT NOT NULL,
    expires_at  ${time},
    session_id  TEXT NOT NULL,
    doc         ${json} NOT NULL
);
