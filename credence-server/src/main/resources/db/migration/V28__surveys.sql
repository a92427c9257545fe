-- Post-completion surveys (issue 13, section 7): one survey per achievement, sent in waves some months after
-- issuance to earners, and to a seeded random sample of non-completers named by an uploaded list.

-- Survey mail is queued on the existing outbox like every other mail.
ALTER TABLE mail DROP CONSTRAINT mail_kind_check;
ALTER TABLE mail ADD CONSTRAINT mail_kind_check
    CHECK (kind IN ('credential_issued', 'claim_link', 'recipient_sign_in', 'survey_invitation', 'survey_reminder'));

-- The survey of an achievement: its schedule and its custom items (the standard items are fixed in code).
CREATE TABLE survey (
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id  BIGINT NOT NULL REFERENCES achievement(id),
    enabled         BOOLEAN NOT NULL DEFAULT true,
    wave_months     INTEGER[] NOT NULL DEFAULT '{6,12}',   -- months after issuance an earner is invited
    reminder_days   INTEGER NOT NULL DEFAULT 7 CHECK (reminder_days BETWEEN 1 AND 90),
    open_days       INTEGER NOT NULL DEFAULT 30 CHECK (open_days BETWEEN 7 AND 180),  -- a wave closes this long after its invitation
    currency        CHAR(3) NOT NULL DEFAULT 'EUR',        -- of the monetary-impact item
    items           JSONB NOT NULL DEFAULT '[]',           -- custom items: [{"id","type","label":{"en","nb"},"options":[{"en","nb"}]}]
    updated_by      TEXT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    simulated       BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, achievement_id)
);

-- An uploaded list of non-completers, of which a seeded random sample was invited; the rest were never stored.
CREATE TABLE survey_sample (
    id              BIGSERIAL PRIMARY KEY,
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id  BIGINT NOT NULL REFERENCES achievement(id),
    wave_month      INTEGER NOT NULL,
    listed          INTEGER NOT NULL,      -- distinct valid addresses in the upload
    excluded        INTEGER NOT NULL,      -- of those, earners of the achievement (they are surveyed as earners)
    sample_size     INTEGER NOT NULL,
    seed            BIGINT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

-- One invitation per (credential, wave) or (sampled address, wave): the unique constraints make two racing scans
-- or two uploads of the same list invite nobody twice.
CREATE TABLE survey_invitation (
    id                  BIGSERIAL PRIMARY KEY,
    tenant_id           BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id      BIGINT NOT NULL REFERENCES achievement(id),
    wave_month          INTEGER NOT NULL,
    cohort              TEXT NOT NULL CHECK (cohort IN ('earner', 'non_completer')),
    credential_id       UUID REFERENCES credential(id),
    sample_id           BIGINT REFERENCES survey_sample(id),
    email               TEXT,              -- non-completers only, and only until the wave closes
    email_hash          TEXT,              -- non-completers only: keeps the one-invitation rule after the address is gone
    language            TEXT NOT NULL CHECK (language IN ('en', 'nb')),
    invited_at          TIMESTAMPTZ NOT NULL,
    closes_at           TIMESTAMPTZ NOT NULL,
    reminded_at         TIMESTAMPTZ,
    answered_at         TIMESTAMPTZ,
    invitation_mail_id  BIGINT REFERENCES mail(id),
    reminder_mail_id    BIGINT REFERENCES mail(id),
    simulated           BOOLEAN NOT NULL DEFAULT false,
    CHECK ((cohort = 'earner') = (credential_id IS NOT NULL)),
    UNIQUE (tenant_id, credential_id, wave_month),
    UNIQUE (tenant_id, achievement_id, wave_month, email_hash)
);
CREATE INDEX survey_invitation_reminder ON survey_invitation (invited_at) WHERE answered_at IS NULL AND reminded_at IS NULL;
CREATE INDEX survey_invitation_open_address ON survey_invitation (closes_at) WHERE email IS NOT NULL;
CREATE INDEX survey_invitation_achievement ON survey_invitation (tenant_id, achievement_id, cohort);

-- Links of the public form. Only the SHA-256 of a token is kept; the invitation and its reminder each carry one.
CREATE TABLE survey_token (
    token_hash     BYTEA PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    invitation_id  BIGINT NOT NULL REFERENCES survey_invitation(id),
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX survey_token_invitation ON survey_token (tenant_id, invitation_id);

-- One answer per invitation (a second submit is refused). Every item may be left blank.
CREATE TABLE survey_answer (
    invitation_id    BIGINT PRIMARY KEY REFERENCES survey_invitation(id),
    tenant_id        BIGINT NOT NULL REFERENCES tenant(id),
    satisfaction     SMALLINT CHECK (satisfaction BETWEEN 1 AND 5),
    skill_applied    TEXT CHECK (skill_applied IN ('yes', 'partly', 'no')),
    career_outcomes  TEXT[] NOT NULL DEFAULT '{}',   -- of promotion, raise, new_job, new_responsibilities, none
    monetary_impact  NUMERIC(18, 2) CHECK (monetary_impact >= 0),
    attribution_pct  SMALLINT CHECK (attribution_pct BETWEEN 0 AND 100),
    confidence_pct   SMALLINT CHECK (confidence_pct BETWEEN 0 AND 100),
    custom           JSONB NOT NULL DEFAULT '{}',
    answered_at      TIMESTAMPTZ NOT NULL,
    simulated        BOOLEAN NOT NULL DEFAULT false
);
