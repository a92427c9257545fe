-- Accounts in the browser (issue 15 §1, §4): first-run setup, password reset and invitations, TOTP.

-- The one-time setup code of a fresh installation: only its SHA-256, replaced at every start until setup is done.
-- Wrong codes are counted here (no tenant exists yet for the login throttle to name).
CREATE TABLE setup_code (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    code_hash     BYTEA NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    failures      INTEGER NOT NULL DEFAULT 0,
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ
);

-- A password-reset or invitation link: minted when its mail is sent (only the token's SHA-256 is kept), single use.
CREATE TABLE password_token (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    purpose     TEXT NOT NULL CHECK (purpose IN ('reset', 'invitation')),
    mail_id     BIGINT,
    token_hash  BYTEA UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX password_token_user ON password_token (tenant_id, user_id, created_at);
CREATE INDEX password_token_mail ON password_token (tenant_id, mail_id);

-- TOTP (RFC 6238): the secret sealed with the master key; pending until confirmed with a code; the last time step
-- used, so a code is accepted once.
ALTER TABLE app_user ADD COLUMN totp_sealed BYTEA;
ALTER TABLE app_user ADD COLUMN totp_pending_sealed BYTEA;
ALTER TABLE app_user ADD COLUMN totp_enabled_at TIMESTAMPTZ;
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;

-- Ten recovery codes per user with TOTP, each usable once; only their SHA-256 (80 random bits each).
CREATE TABLE recovery_code (
    tenant_id  BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    code_hash  BYTEA NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, user_id, code_hash),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);

-- A sign-in whose password was right and which waits for its second factor (5 minutes at most).
CREATE TABLE pending_login (
    token_hash  BYTEA PRIMARY KEY,
    tenant_id   BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX pending_login_user ON pending_login (tenant_id, user_id);

-- The mail kinds of this module, added to whatever list the earlier migrations left (other modules add theirs).
DO $$
DECLARE
    def TEXT;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conname = 'mail_kind_check' AND conrelid = 'mail'::regclass;
    ALTER TABLE mail DROP CONSTRAINT mail_kind_check;
    EXECUTE 'ALTER TABLE mail ADD CONSTRAINT mail_kind_check '
        || replace(def, 'ARRAY[', 'ARRAY[''password_reset''::text, ''user_invitation''::text, ');
END $$;
