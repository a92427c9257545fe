-- Each tenant's RSA key, for VC-JWTs signed RS256 (the algorithm every Open Badges 3.0 JWT verifier
-- must support), published in its did:web document beside the Ed25519 key. Sealed by the master key
-- like signing_key. Made on first need (issuing a JWT, serving did.json), so tenants created before
-- this migration get theirs without a data migration.
CREATE TABLE rsa_signing_key (
    id             BIGSERIAL PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    fragment       TEXT NOT NULL,                      -- the did:web fragment: rsa-1 …
    public_spki    BYTEA NOT NULL,                     -- X.509 SubjectPublicKeyInfo (DER)
    secret_sealed  BYTEA NOT NULL,                     -- PKCS#8 (DER), AES-GCM under the master key
    active         BOOLEAN NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, fragment)
);
CREATE UNIQUE INDEX rsa_signing_key_one_active ON rsa_signing_key (tenant_id) WHERE active;
