-- What the recipient decides about their credential when they claim it (issue: documents & claim).
ALTER TABLE credential
    ADD COLUMN claimed_at        TIMESTAMPTZ,
    ADD COLUMN visibility        TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
    -- detailed (per-person) tracking only with the recipient's consent; otherwise events count anonymously
    ADD COLUMN tracking_allowed  BOOLEAN NOT NULL DEFAULT false;

-- A tenant's look on certificates, badges and pages, and its LinkedIn organisation.
CREATE TABLE tenant_branding (
    tenant_id                 BIGINT PRIMARY KEY REFERENCES tenant(id),
    page_size                 TEXT NOT NULL DEFAULT 'A4' CHECK (page_size IN ('A4', 'Letter')),
    primary_colour            TEXT CHECK (primary_colour ~ '^#[0-9a-fA-F]{6}$'),
    accent_colour             TEXT CHECK (accent_colour ~ '^#[0-9a-fA-F]{6}$'),
    logo                      BYTEA,
    logo_type                 TEXT,
    signature                 BYTEA,
    signature_type            TEXT,
    linkedin_organization_id  TEXT CHECK (linkedin_organization_id ~ '^[0-9]{1,20}$'),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
