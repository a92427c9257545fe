-- The analytics rollups stop being upserted inside the transactions that issue credentials and
-- append tracking events. V11's triggers did that, and cost issuance a row-lock convoy (every
-- issuer of a tenant updating the same cohort rows while queueing for the transparency log) and
-- cost tracking ingestion half its throughput (the rollup upserts ran in the group-commit
-- writer's serial step). Now those transactions only append their deltas to the *_pending
-- tables below: plain inserts, no keys, no conflicts, no locks shared with other writers, in the
-- same transaction as the change, so nothing is lost in a crash. AnalyticsFolder moves them into
-- the rollups in the background and before every dashboard read, so the figures stay exact.

-- Cohort deltas: the columns of analytics_cohort without the shard (one folder writes, nothing contends).
CREATE TABLE analytics_cohort_pending (
    tenant_id                BIGINT NOT NULL,
    issued_day               DATE NOT NULL,
    achievement_id           BIGINT NOT NULL,
    issued                   BIGINT NOT NULL DEFAULT 0,
    claimed                  BIGINT NOT NULL DEFAULT 0,
    viewed                   BIGINT NOT NULL DEFAULT 0,
    shared                   BIGINT NOT NULL DEFAULT 0,
    shared_linkedin_profile  BIGINT NOT NULL DEFAULT 0,
    shared_linkedin_post     BIGINT NOT NULL DEFAULT 0,
    shared_x                 BIGINT NOT NULL DEFAULT 0,
    shared_facebook          BIGINT NOT NULL DEFAULT 0,
    shared_email             BIGINT NOT NULL DEFAULT 0,
    shared_copy_link         BIGINT NOT NULL DEFAULT 0,
    shared_with_referral     BIGINT NOT NULL DEFAULT 0,
    views_of_shared          BIGINT NOT NULL DEFAULT 0,
    views                    BIGINT NOT NULL DEFAULT 0,
    shares                   BIGINT NOT NULL DEFAULT 0,
    referral_clicks          BIGINT NOT NULL DEFAULT 0,
    verifications            BIGINT NOT NULL DEFAULT 0,
    downloads                BIGINT NOT NULL DEFAULT 0
);

-- Recipients' new credentials (from issuance) and first returns after day 30 (from tracking, which
-- knows the credential, not the recipient: the folder looks the recipient up).
CREATE TABLE analytics_recipient_pending (
    tenant_id             BIGINT NOT NULL,
    recipient_email_hash  TEXT NOT NULL,
    first_issued_at       TIMESTAMPTZ NOT NULL,
    credentials           INTEGER NOT NULL
);
CREATE TABLE analytics_return_pending (
    tenant_id      BIGINT NOT NULL,
    credential_id  UUID NOT NULL,
    returned_at    TIMESTAMPTZ NOT NULL
);

-- Counted events by day and country: the source of analytics_daily and analytics_country_daily.
CREATE TABLE analytics_daily_pending (
    tenant_id       BIGINT NOT NULL,
    day             DATE NOT NULL,
    achievement_id  BIGINT NOT NULL,
    type            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    country         TEXT NOT NULL,
    counted         BIGINT NOT NULL
);

-- Tracking's deltas are computed by the event writer from the batch it already holds in memory.
DROP TRIGGER analytics_tracking_credential_insert ON tracking_credential;
DROP TRIGGER analytics_tracking_credential_update ON tracking_credential;
DROP TRIGGER analytics_tracking_credential_delete ON tracking_credential;
DROP TRIGGER analytics_tracking_daily_insert ON tracking_daily;
DROP TRIGGER analytics_tracking_daily_update ON tracking_daily;
DROP TRIGGER analytics_tracking_daily_delete ON tracking_daily;
DROP FUNCTION analytics_from_tracking_credential();
DROP FUNCTION analytics_from_tracking_daily();

-- Credentials are written by several paths (issuance, claim, the demo loader, lifecycle), so their
-- trigger stays, now appending instead of upserting. Same "new minus old" sums as V11.
CREATE OR REPLACE FUNCTION analytics_from_credential() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD := analytics_sides(TG_OP);
    part CONSTANT TEXT := $p$
        SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date AS issued_day, achievement_id,
               %2$s AS issued, %2$s * (claimed_at IS NOT NULL)::int AS claimed
          FROM %1$s AS r$p$;
BEGIN
    EXECUTE format($q$
        INSERT INTO analytics_cohort_pending (tenant_id, issued_day, achievement_id, issued, claimed)
        SELECT tenant_id, issued_day, achievement_id, sum(issued), sum(claimed)
          FROM (%s UNION ALL %s) AS d
         GROUP BY 1, 2, 3
        HAVING sum(issued) <> 0 OR sum(claimed) <> 0$q$,
        format(part, s.new_side, 1), format(part, s.old_side, -1));
    IF TG_OP = 'INSERT' THEN
        INSERT INTO analytics_recipient_pending (tenant_id, recipient_email_hash, first_issued_at, credentials)
        SELECT tenant_id, recipient_email_hash, min(issued_at), count(*) FROM new_rows GROUP BY 1, 2;
    END IF;
    RETURN NULL;
END $$;
