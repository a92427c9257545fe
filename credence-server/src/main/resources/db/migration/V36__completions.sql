-- Completions reported by learning systems (POST /api/v1/integrations/completions, xAPI statements).
-- One row per tenant, course and learner: an LMS that retries, or reports progress 40 then 100, updates
-- the same row, so a completion is never stored twice and its credential is issued once.
CREATE TABLE completion (
    id                  BIGSERIAL PRIMARY KEY,
    tenant_id           BIGINT NOT NULL REFERENCES tenant(id),
    course_id           TEXT NOT NULL,
    learner_email_hash  TEXT NOT NULL,
    learner_email       TEXT NOT NULL,
    learner_name        TEXT NOT NULL,
    progress            NUMERIC(5, 2) NOT NULL CHECK (progress BETWEEN 0 AND 100),
    score               NUMERIC(5, 2) CHECK (score BETWEEN 0 AND 100),
    completed_at        TIMESTAMPTZ,
    source              TEXT NOT NULL CHECK (source IN ('api', 'xapi')),
    statement_id        UUID,
    received_at         TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    credential_id       UUID REFERENCES credential(id),
    UNIQUE (tenant_id, course_id, learner_email_hash)
);

-- the completions still waiting for their credential (unmapped course, pass mark not reached, or interrupted)
CREATE INDEX completion_waiting ON completion (tenant_id, course_id) WHERE credential_id IS NULL;
