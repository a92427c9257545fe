-- Credentials issued through the W3C VC API with a credentialStatus: found again by their id for
-- POST /credentials/status, and their bits published in the tenant's status lists beside the
-- product's own credentials (which keep their state on the credential row).
CREATE TABLE vc_api_credential (
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    credential_id   TEXT NOT NULL,
    status_list_id  BIGINT NOT NULL,
    status_index    INTEGER NOT NULL,
    -- which entries the credential carries, and their bits
    has_revocation  BOOLEAN NOT NULL,
    has_suspension  BOOLEAN NOT NULL,
    revoked         BOOLEAN NOT NULL DEFAULT FALSE,
    suspended       BOOLEAN NOT NULL DEFAULT FALSE,
    issued_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, credential_id),
    FOREIGN KEY (tenant_id, status_list_id) REFERENCES status_list (tenant_id, id)
);
CREATE INDEX vc_api_credential_list ON vc_api_credential (tenant_id, status_list_id);
