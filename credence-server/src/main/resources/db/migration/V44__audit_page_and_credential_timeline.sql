-- The audit page (/app/audit) and a credential's timeline (/app/credentials/{number}), issue 15 §3.
-- Each filter reads one index newest first and stops at its page: no scan of a tenant's whole trail.
CREATE INDEX audit_event_subject ON audit_event (tenant_id, subject, id);
CREATE INDEX audit_event_actor ON audit_event (tenant_id, actor, id);
CREATE INDEX audit_event_action ON audit_event (tenant_id, action, id);
CREATE INDEX audit_event_at ON audit_event (tenant_id, at);

-- How far each tenant's hash chain was found intact by the audit page: the page walks on from here a bounded
-- step at a time (a million entries are never walked in one request); "check again from the start" clears it.
-- A break is never stored: it is found again on the next walk until the chain is mended.
CREATE TABLE audit_chain_check (
    tenant_id    BIGINT PRIMARY KEY REFERENCES tenant(id),
    verified_to  BIGINT NOT NULL,        -- the id of the last entry found intact
    hash         BYTEA NOT NULL,         -- its stored hash: where the next step starts
    entries      BIGINT NOT NULL,        -- how many entries were found intact, the first up to verified_to
    checked_at   TIMESTAMPTZ NOT NULL
);
