-- API keys a tenant manages itself. Scopes no longer imply each other: 'admin' manages the tenant
-- (keys, signing keys, branding, designs, users, audit) and grants nothing else. A tenant key that
-- held 'admin' could do everything before, so it keeps every scope.
UPDATE api_key
   SET scopes = ARRAY['issue', 'read', 'analytics', 'admin']
 WHERE tenant_id IS NOT NULL
   AND 'admin' = ANY (scopes);

-- written at most once a minute per key, so authenticating stays a read
ALTER TABLE api_key ADD COLUMN last_used_at TIMESTAMPTZ;
-- a rotated key names its successor; revoked_at may lie in the future (the rotation's grace)
ALTER TABLE api_key ADD COLUMN replaced_by TEXT;
CREATE INDEX api_key_by_tenant ON api_key (tenant_id, created_at) WHERE tenant_id IS NOT NULL;

-- SHA-256 of the canonical JSON body that first used an Idempotency-Key: a different body with the
-- same key is refused (422) instead of replaying. NULL for credentials issued before this column.
ALTER TABLE credential ADD COLUMN idempotency_request_sha256 TEXT;

-- attempts refused while an e-mail is locked out: counted here, audited once per lockout
ALTER TABLE login_throttle ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
-- the purge of ended windows and locks finds them without reading the whole table
CREATE INDEX login_throttle_window ON login_throttle (window_start);
