-- People who sign in to a tenant's pages, their sessions, and the login throttle (issue 3, capability 2).
CREATE TABLE app_user (
    id             BIGSERIAL PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    email          TEXT NOT NULL,                        -- as typed; uniqueness ignores case
    name           TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('owner', 'issuer', 'analyst', 'viewer')),
    password_hash  TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),   -- a PHC string
    disabled       BOOLEAN NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL,
    last_login_at  TIMESTAMPTZ,
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX app_user_email ON app_user (tenant_id, lower(email));

-- The cookie carries a random token; only its SHA-256 is kept, so a database leak signs nobody in.
CREATE TABLE user_session (
    token_hash           BYTEA PRIMARY KEY,
    tenant_id            BIGINT NOT NULL,
    user_id              BIGINT NOT NULL,
    csrf_token           TEXT NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    last_seen_at         TIMESTAMPTZ NOT NULL,
    idle_expires_at      TIMESTAMPTZ NOT NULL,
    absolute_expires_at  TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX user_session_user ON user_session (tenant_id, user_id);

-- One row per e-mail at a tenant that has failed recently: bounded, and gone after a success.
CREATE TABLE login_throttle (
    tenant_id     BIGINT NOT NULL REFERENCES tenant(id),
    email         TEXT NOT NULL,                         -- lower-cased
    failures      INTEGER NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, email)
);

-- Credential listing pages newest first by (issued_at, id); this index serves that keyset.
CREATE INDEX credential_listing ON credential (tenant_id, issued_at DESC, id DESC);
