-- Expiry, recertification and renewal (issue 14, section 6; docs/renewal.md).

-- Lineage: a renewal is a new credential that names the one it renews; the renewed one is marked
-- superseded (a state of its own, not revoked: its status-list bit stays unset, so it keeps verifying).
ALTER TABLE credential ADD COLUMN renews UUID REFERENCES credential(id);       -- the credential this one renewed
ALTER TABLE credential ADD COLUMN lineage_id UUID;                              -- the first credential of its lineage; NULL: itself
ALTER TABLE credential ADD COLUMN superseded_by UUID;                           -- its renewal (no FK: set before the renewal is inserted)
ALTER TABLE credential ADD COLUMN superseded_at TIMESTAMPTZ;
ALTER TABLE credential DROP CONSTRAINT credential_state_check;
ALTER TABLE credential ADD CONSTRAINT credential_state_check CHECK (state IN ('active', 'revoked', 'suspended', 'superseded'));
-- one current credential per recipient and achievement (what issuance's idempotency rests on); superseded ones are history
ALTER TABLE credential DROP CONSTRAINT credential_tenant_id_achievement_id_recipient_email_hash_key;
CREATE UNIQUE INDEX credential_current_per_recipient ON credential (tenant_id, achievement_id, recipient_email_hash)
    WHERE superseded_by IS NULL;
CREATE UNIQUE INDEX credential_renewed_once ON credential (renews) WHERE renews IS NOT NULL;
-- the expiry scan's range reads: credentials expiring soon, or expired, and not superseded
CREATE INDEX credential_expiring ON credential (expires_at) WHERE expires_at IS NOT NULL AND superseded_by IS NULL;

-- Per achievement: when reminders go out (days before expiry) and the optional renewal fee.
CREATE TABLE achievement_renewal (
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id BIGINT NOT NULL REFERENCES achievement(id),
    reminder_days  INTEGER[] NOT NULL DEFAULT '{90,30,7}',
    fee_amount     NUMERIC(18, 2) CHECK (fee_amount > 0),
    fee_currency   CHAR(3),
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, achievement_id),
    CHECK ((fee_amount IS NULL) = (fee_currency IS NULL))
);

-- Each reminder sent once: unique per credential and offset, claimed by the insert that queues its mail.
CREATE TABLE expiry_reminder (
    tenant_id     BIGINT NOT NULL REFERENCES tenant(id),
    credential_id UUID NOT NULL REFERENCES credential(id),
    offset_days   INTEGER NOT NULL,
    mail_id       BIGINT,
    queued_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (credential_id, offset_days)
);
CREATE INDEX expiry_reminder_tenant ON expiry_reminder (tenant_id, queued_at);

-- credential.expired fired once per credential: the row is written with the event.
CREATE TABLE credential_expiry (
    tenant_id     BIGINT NOT NULL REFERENCES tenant(id),
    credential_id UUID PRIMARY KEY REFERENCES credential(id),
    expired_at    TIMESTAMPTZ NOT NULL,   -- the credential's expiry
    recorded_at   TIMESTAMPTZ NOT NULL
);

-- The renewal link of a reminder mail: single use, minted when the mail is sent, kept hashed.
CREATE TABLE renewal_token (
    token_hash    BYTEA PRIMARY KEY,
    tenant_id     BIGINT NOT NULL REFERENCES tenant(id),
    credential_id UUID NOT NULL REFERENCES credential(id),
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    renewal_id    UUID                     -- the credential the link renewed into
);
CREATE INDEX renewal_token_credential ON renewal_token (tenant_id, credential_id);

-- Whether recipients are told of a revocation or suspension (default on: no row).
CREATE TABLE tenant_state_notice (
    tenant_id  BIGINT PRIMARY KEY REFERENCES tenant(id),
    revoked    BOOLEAN NOT NULL,
    suspended  BOOLEAN NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The mail kinds of this module, added to whatever list the earlier migrations left (other modules add theirs).
DO $$
DECLARE
    def TEXT;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conname = 'mail_kind_check' AND conrelid = 'mail'::regclass;
    ALTER TABLE mail DROP CONSTRAINT mail_kind_check;
    EXECUTE 'ALTER TABLE mail ADD CONSTRAINT mail_kind_check '
        || replace(def, 'ARRAY[', 'ARRAY[''expiry_reminder''::text, ''credential_revoked''::text, ''credential_suspended''::text, ');
END $$;

-- The recipient's language is that of the latest mail to their address at the tenant.
CREATE INDEX mail_recipient ON mail (tenant_id, recipient, id);

-- Credentials already expired before this version are old news: recorded without an event, so the first
-- expiry scan after the upgrade does not send subscribers a burst of credential.expired for years past.
INSERT INTO credential_expiry (tenant_id, credential_id, expired_at, recorded_at)
SELECT tenant_id, id, expires_at, now() FROM credential WHERE expires_at <= now() AND state = 'active';
