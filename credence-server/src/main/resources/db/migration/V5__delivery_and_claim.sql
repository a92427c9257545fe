-- Mail the platform sends. The row is the job: the worker takes due rows with FOR UPDATE SKIP LOCKED,
-- so a mail survives a restart and two nodes never send the same one at once.
-- Bodies carry single-use links whose tokens are kept only hashed, so a mail is rendered when it is
-- sent (from its kind, credential and language), never stored with a live link in it.
CREATE TABLE mail (
    id               BIGSERIAL PRIMARY KEY,
    tenant_id        BIGINT NOT NULL REFERENCES tenant(id),
    credential_id    UUID REFERENCES credential(id),          -- NULL for a recipient's sign-in link
    kind             TEXT NOT NULL CHECK (kind IN ('credential_issued', 'claim_link', 'recipient_sign_in')),
    recipient        TEXT NOT NULL,
    language         TEXT NOT NULL CHECK (language IN ('en', 'nb')),
    subject          TEXT,                                    -- as last rendered
    status           TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'bounced')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,                    -- for 'sending': when the lease of a crashed sender runs out
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    message_id       TEXT
);
CREATE INDEX mail_due ON mail (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX mail_credential ON mail (tenant_id, credential_id, id);
CREATE INDEX mail_recent ON mail (tenant_id, kind, recipient, created_at);

-- Every step of a mail, for the delivery history: queued, sent, retry (with the reason), failed, bounced.
CREATE TABLE mail_event (
    id         BIGSERIAL PRIMARY KEY,
    tenant_id  BIGINT NOT NULL REFERENCES tenant(id),
    mail_id    BIGINT NOT NULL REFERENCES mail(id),
    status     TEXT NOT NULL,
    detail     TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX mail_event_mail ON mail_event (tenant_id, mail_id, id);

-- Single-use claim links. Only the SHA-256 of a token is kept; a new link supersedes the older ones.
CREATE TABLE claim_token (
    token_hash     BYTEA PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    credential_id  UUID NOT NULL REFERENCES credential(id),
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ,
    superseded_at  TIMESTAMPTZ
);
CREATE INDEX claim_token_credential ON claim_token (tenant_id, credential_id);

-- A recipient's magic sign-in link (15 minutes, single use) and the session it opens; both hashed.
CREATE TABLE recipient_sign_in (
    token_hash  BYTEA PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenant(id),
    email       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE TABLE recipient_session (
    token_hash  BYTEA PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenant(id),
    email       TEXT NOT NULL,
    csrf        TEXT NOT NULL,                               -- bound to this session; every form posts it back
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
