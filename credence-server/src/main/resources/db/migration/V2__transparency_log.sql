-- Each tenant's append-only Merkle log (RFC 9162 hashing): one leaf per issuance or status change.
CREATE TABLE transparency_leaf (
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    idx            BIGINT NOT NULL,
    leaf_hash      BYTEA NOT NULL,
    entry          TEXT NOT NULL,                   -- the exact bytes hashed into the leaf
    credential_id  UUID,
    at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, idx)
);
CREATE INDEX transparency_leaf_credential ON transparency_leaf (tenant_id, credential_id, idx);
