-- Bulk issuance (issue 14): a job is stored with every row of its file when it is accepted, so a
-- restarted server carries on from the rows still pending. Each row is issued under an
-- Idempotency-Key made of (job id, line), so re-running a batch a crash interrupted gets the
-- credentials it already made back instead of new ones.
CREATE TABLE issuance_job (
    id             BIGSERIAL PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    state          TEXT NOT NULL CHECK (state IN ('queued', 'running', 'finished', 'cancelled')),
    format         TEXT NOT NULL CHECK (format IN ('csv', 'json')),
    filename       TEXT,
    created_by     TEXT NOT NULL,
    notify         BOOLEAN NOT NULL,          -- recipients are mailed
    links_only     BOOLEAN NOT NULL,          -- the mail links to the certificate rather than attaching it (a large job)
    total          INTEGER NOT NULL,          -- data rows in the file, good and bad
    issued         INTEGER NOT NULL DEFAULT 0,
    already_issued INTEGER NOT NULL DEFAULT 0,-- the recipient already held the achievement (an earlier upload): not issued again
    failed         INTEGER NOT NULL DEFAULT 0,
    cancelled      INTEGER NOT NULL DEFAULT 0,
    warnings       JSONB NOT NULL DEFAULT '[]',
    created_at     TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    UNIQUE (tenant_id, id)
);
CREATE INDEX issuance_job_tenant ON issuance_job (tenant_id, id DESC);

CREATE TABLE issuance_job_row (
    tenant_id      BIGINT NOT NULL,
    job_id         BIGINT NOT NULL,
    line           INTEGER NOT NULL,          -- the CSV line (the header is line 1), or the JSON array index
    state          TEXT NOT NULL CHECK (state IN ('pending', 'issued', 'already_issued', 'failed', 'cancelled')),
    name           TEXT,
    email          TEXT,
    achievement_id BIGINT,
    issued_at      TIMESTAMPTZ,
    expires_at     TIMESTAMPTZ,
    grade          TEXT,
    evidence_url   TEXT,
    custom         JSONB,                     -- the file's custom_… columns, kept with the row and echoed in the result
    field          TEXT,                      -- the column at fault, for a failed row
    error          TEXT,                      -- why the row failed
    credential_id  UUID,
    number         TEXT,
    PRIMARY KEY (job_id, line),
    FOREIGN KEY (tenant_id, job_id) REFERENCES issuance_job (tenant_id, id)
);
-- the worker's next batch: only the rows still pending are indexed, so a nearly finished job reads no finished rows
CREATE INDEX issuance_job_row_pending ON issuance_job_row (job_id, line) WHERE state = 'pending';
-- the mail worker asks whether a credential came from a large job (a link, not an attached PDF)
CREATE INDEX issuance_job_row_credential ON issuance_job_row (credential_id) WHERE credential_id IS NOT NULL;
