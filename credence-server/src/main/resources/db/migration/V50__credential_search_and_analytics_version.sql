-- The credentials list's search and the engagement dashboard's cache (issue 15, its speed goal; docs/app-credentials.md).

-- Searching the credentials list (/app/credentials?q=, GET /api/v1/credentials?q=, the CSV export) finds part of a name, an
-- e-mail address or a certificate number: ILIKE '%…%', which no B-tree can serve, so it read all of a tenant's credentials
-- (7 s and more at 1.46 million). A trigram index (pg_trgm) serves it. pg_trgm ships with PostgreSQL and is a trusted extension
-- since PostgreSQL 13, so a database owner may create it; when it cannot be created (an older server, a role without CREATE on
-- the database, a PostgreSQL built without contrib) the migration says so and goes on without the index: the search still
-- answers, correctly, but reads every credential of the tenant. Creating the extension and this index by hand later makes it
-- fast (docs/app-credentials.md gives the two statements).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm could not be created (%): the credentials search works without its index, reading every credential of a tenant; see docs/app-credentials.md', SQLERRM;
END $$;

DO $$
DECLARE
    trgm_schema TEXT := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    IF trgm_schema IS NOT NULL THEN
        -- one GIN index over the three columns: each ILIKE of the search's OR uses it, and their bitmaps are OR-ed
        EXECUTE format('CREATE INDEX credential_search ON credential USING gin (recipient_name %1$I.gin_trgm_ops, '
                       'recipient_email %1$I.gin_trgm_ops, number %1$I.gin_trgm_ops)', trgm_schema);
    END IF;
END $$;

-- The list's state filter: revoked, suspended and superseded credentials are few (none of the benchmark's 1.46 million), and
-- finding none walked the whole tenant (0.8 s); this index holds only them, newest first.
CREATE INDEX credential_not_active ON credential (tenant_id, state, issued_at DESC, id DESC) WHERE state <> 'active';

-- The engagement dashboard (/app/analytics) caches its answers per tenant and filter (analytics.DashboardAnswers); an answer
-- stays good while the tenant's rollups are unchanged. Every fold that changes a tenant's rollups counts one up here, in the
-- fold's own transaction, so every Credence process on the database sees the change.
CREATE TABLE analytics_version (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    version   BIGINT NOT NULL
);
