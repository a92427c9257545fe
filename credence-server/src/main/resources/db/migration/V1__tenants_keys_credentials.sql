-- Every tenant-owned row carries tenant_id; every query filters on it.
CREATE TABLE tenant (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        TEXT NOT NULL,
    url         TEXT,
    locale      TEXT NOT NULL DEFAULT 'en',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE api_key (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT REFERENCES tenant(id),            -- NULL: an installation administrator key
    prefix      TEXT NOT NULL UNIQUE,                     -- shown in lists, lets a key be found without its secret
    secret_hash BYTEA NOT NULL,                           -- SHA-256 of the whole key; keys are 256-bit random
    scopes      TEXT[] NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);

CREATE TABLE signing_key (
    id                BIGSERIAL PRIMARY KEY,
    tenant_id         BIGINT NOT NULL REFERENCES tenant(id),
    fragment          TEXT NOT NULL,                      -- the did:web fragment: key-1, key-2 …
    public_multibase  TEXT NOT NULL,
    secret_sealed     BYTEA NOT NULL,                     -- AES-GCM under the master key
    active            BOOLEAN NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, fragment)
);
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (tenant_id) WHERE active;

CREATE TABLE achievement (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    BIGINT NOT NULL REFERENCES tenant(id),
    kind         TEXT NOT NULL CHECK (kind IN ('certificate', 'certification', 'badge', 'diploma')),
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    criteria     TEXT NOT NULL,
    details      JSONB NOT NULL DEFAULT '{}',             -- skills/alignments, tags, validity, program URL, image
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX achievement_tenant ON achievement (tenant_id);

CREATE TABLE status_list (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenant(id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
    size        INTEGER NOT NULL,
    next_index  INTEGER NOT NULL DEFAULT 0,
    bits        BYTEA NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id)
);

CREATE TABLE credential (
    id                   UUID PRIMARY KEY,
    tenant_id            BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id       BIGINT NOT NULL REFERENCES achievement(id),
    number               TEXT NOT NULL UNIQUE,
    recipient_name       TEXT NOT NULL,
    recipient_email_hash TEXT NOT NULL,                   -- SHA-256 of the normalised e-mail, for idempotency
    recipient_email      TEXT NOT NULL,
    document             JSONB NOT NULL,                  -- the signed OB 3.0 credential as issued
    document_text        TEXT NOT NULL,                   -- its exact bytes, served and verified unchanged
    status_list_id       BIGINT NOT NULL,
    status_index         INTEGER NOT NULL,
    issued_at            TIMESTAMPTZ NOT NULL,
    expires_at           TIMESTAMPTZ,
    state                TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'revoked', 'suspended')),
    state_reason         TEXT,
    idempotency_key      TEXT,
    UNIQUE (tenant_id, achievement_id, recipient_email_hash),
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX credential_tenant ON credential (tenant_id, issued_at);

-- Append-only: no UPDATE or DELETE is ever issued against it.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT REFERENCES tenant(id),
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    before      JSONB,
    after       JSONB,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_event_tenant ON audit_event (tenant_id, id);
