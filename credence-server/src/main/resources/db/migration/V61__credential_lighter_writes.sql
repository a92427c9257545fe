-- Speed (issue 14, one by one): less work for every credential written and for every statistics run over the table.
--
-- 1. Two indexes another index already serves, each kept up to date on every insert for nothing:
--    credential_tenant (tenant_id, issued_at) is the front of credential_period_recipient (V24), and
--    credential_recipient_hash (tenant_id, recipient_email_hash) the front of outcome_credential_recipient (V27).
DROP INDEX IF EXISTS credential_tenant;
DROP INDEX IF EXISTS credential_recipient_hash;

-- 2. No statistics for the signed document's two copies: no query filters or joins on them, and autovacuum's analyse
--    spent most of its time reading and sorting them (about a tenth of PostgreSQL's CPU while a new table grew).
ALTER TABLE credential ALTER COLUMN document SET STATISTICS 0, ALTER COLUMN document_text SET STATISTICS 0;
