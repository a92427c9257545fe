-- Outbound webhooks (issue 14 §4): a tenant's endpoints and the outbox of deliveries to them.
-- A delivery row is written in the transaction of the event it reports (issuance, revocation, a batch of
-- tracked events), so an event is never lost or sent for a rolled-back change; a recurring job sends due rows.
CREATE TABLE webhook_endpoint (
    id              BIGSERIAL PRIMARY KEY,
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    url             TEXT NOT NULL,
    events          TEXT[] NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    -- the signing secret's bytes, sealed with the master key (AES-256-GCM), as tenant signing keys are
    secret_sealed   BYTEA NOT NULL,
    -- why the endpoint was switched off by Credence (it answered 410 Gone), null when a person set enabled
    disabled_reason TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    -- deleting keeps the row (enabled false): an event recorded by a process that has not yet heard of the deletion
    -- must not fail its transaction on the foreign key
    deleted_at      TIMESTAMPTZ
);
CREATE INDEX webhook_endpoint_tenant ON webhook_endpoint (tenant_id, id);

CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    endpoint_id     BIGINT NOT NULL REFERENCES webhook_endpoint(id),
    event_type      TEXT NOT NULL,
    -- the exact body sent, the same on every attempt (the signature covers it and a fresh timestamp)
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- pending: when it is next due (a sender claims a row by moving this a lease ahead); else null
    next_attempt_at TIMESTAMPTZ,
    -- retries stop after this moment (24 hours after the event, or after a manual redelivery)
    give_up_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    response_status INTEGER,
    last_error      TEXT
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_log ON webhook_delivery (tenant_id, endpoint_id, created_at DESC, id);
