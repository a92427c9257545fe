-- Documents rendered from a credential (certificate PDF, baked badges, share image): rendered once,
-- stored, and served with their hash as ETag, so the same credential always gives the same bytes.
CREATE TABLE credential_document (
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    credential_id  UUID NOT NULL REFERENCES credential(id),
    kind           TEXT NOT NULL CHECK (kind ~ '^[a-z0-9.-]{1,40}$'),
    content_type   TEXT NOT NULL,
    bytes          BYTEA NOT NULL,
    sha256         TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (credential_id, kind)
);
CREATE INDEX credential_document_tenant ON credential_document (tenant_id);

-- Certificate designs a tenant uploaded (the built-in ones are files shipped with Credence).
CREATE TABLE certificate_design (
    tenant_id   BIGINT NOT NULL REFERENCES tenant(id),
    name        TEXT NOT NULL CHECK (name ~ '^[a-z0-9-]{1,40}$'),
    definition  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, name)
);

-- Which design an achievement's certificates use: a built-in name or one of the tenant's own.
ALTER TABLE achievement ADD COLUMN design TEXT NOT NULL DEFAULT 'classic';
