-- Hash-chained audit trail: each entry's hash is SHA-256(previous entry's hash ‖ canonical form of
-- this entry), one chain per tenant (installation-level entries, tenant_id NULL, form their own).
-- Rows written before this migration are chained once at the next start (AuditChain.chainUnchained);
-- only those: a later row found without a hash had it removed, and is reported, never re-chained.
ALTER TABLE audit_event ADD COLUMN hash BYTEA;
CREATE TABLE audit_chain_origin (chained_from BIGINT NOT NULL);
INSERT INTO audit_chain_origin SELECT coalesce(max(id), 0) + 1 FROM audit_event;

-- Every checkpoint the transparency log signed: a tree size, once signed, keeps its root forever.
-- At start the server recomputes each tenant's tree from its leaves and refuses to run if any
-- stored size now gives a different root.
CREATE TABLE transparency_checkpoint (
    id                   BIGSERIAL PRIMARY KEY,
    tenant_id            BIGINT NOT NULL REFERENCES tenant(id),
    tree_size            BIGINT NOT NULL,
    root_hash            BYTEA NOT NULL,
    signed_note          TEXT NOT NULL,
    verification_method  TEXT NOT NULL,
    verifier_key         TEXT NOT NULL,
    signed_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX transparency_checkpoint_size ON transparency_checkpoint (tenant_id, tree_size, id);
CREATE INDEX audit_event_unchained ON audit_event (id) WHERE hash IS NULL;
