-- Rollups for the analytics dashboards (issue 5). Every dashboard query is a SUM over a few
-- thousand rows of these, never a scan of credential, tracking_credential or tracking_event.
-- They are kept by statement-level triggers with transition tables: each statement's changes are
-- summed per key and upserted in key order (so concurrent writers cannot deadlock), and a row
-- contributes "new minus old", so any INSERT, UPDATE or DELETE keeps the sums exact.
-- Issuance writes one cohort row per credential; to keep concurrent issuers from queueing on
-- the same (tenant, day, achievement) row, the row is split into 8 shards by credential id.

-- Per issued-day cohort: credentials issued on a day and what has happened to them since.
CREATE TABLE analytics_cohort (
    tenant_id                BIGINT NOT NULL,
    issued_day               DATE NOT NULL,          -- UTC
    achievement_id           BIGINT NOT NULL,
    shard                    SMALLINT NOT NULL,
    issued                   BIGINT NOT NULL DEFAULT 0,
    claimed                  BIGINT NOT NULL DEFAULT 0,   -- credential.claimed_at set
    viewed                   BIGINT NOT NULL DEFAULT 0,   -- credentials with a counted third-party view
    shared                   BIGINT NOT NULL DEFAULT 0,   -- credentials with a counted share click
    shared_linkedin_profile  BIGINT NOT NULL DEFAULT 0,
    shared_linkedin_post     BIGINT NOT NULL DEFAULT 0,
    shared_x                 BIGINT NOT NULL DEFAULT 0,
    shared_facebook          BIGINT NOT NULL DEFAULT 0,
    shared_email             BIGINT NOT NULL DEFAULT 0,
    shared_copy_link         BIGINT NOT NULL DEFAULT 0,
    shared_with_referral     BIGINT NOT NULL DEFAULT 0,   -- shared credentials with a referral click
    views_of_shared          BIGINT NOT NULL DEFAULT 0,   -- third-party views of shared credentials
    views                    BIGINT NOT NULL DEFAULT 0,
    shares                   BIGINT NOT NULL DEFAULT 0,
    referral_clicks          BIGINT NOT NULL DEFAULT 0,
    verifications            BIGINT NOT NULL DEFAULT 0,
    downloads                BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, issued_day, achievement_id, shard)
);
CREATE INDEX analytics_cohort_achievement ON analytics_cohort (tenant_id, achievement_id, issued_day);

-- One row per recipient (normalised e-mail hash) of a tenant: repeat earners and re-engagement
-- are about people, not credentials.
CREATE TABLE analytics_recipient (
    tenant_id             BIGINT NOT NULL,
    recipient_email_hash  TEXT NOT NULL,
    first_issued_at       TIMESTAMPTZ NOT NULL,
    credentials           INTEGER NOT NULL,
    returned_at           TIMESTAMPTZ,          -- earliest recipient_returned_at over their credentials
    PRIMARY KEY (tenant_id, recipient_email_hash)
);

-- Recipients by the day of their first credential.
CREATE TABLE analytics_recipient_daily (
    tenant_id       BIGINT NOT NULL,
    first_day       DATE NOT NULL,
    shard           SMALLINT NOT NULL,
    recipients      BIGINT NOT NULL DEFAULT 0,
    repeat_earners  BIGINT NOT NULL DEFAULT 0,
    returned        BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, first_day, shard)
);

-- tracking_daily without the country: weekly trends read ~20 rows a day instead of ~20 × countries.
CREATE TABLE analytics_daily (
    tenant_id       BIGINT NOT NULL,
    day             DATE NOT NULL,
    achievement_id  BIGINT NOT NULL,
    type            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    counted         BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, achievement_id, type, channel)
);

-- Views and verifications by country and day, over every achievement: what geography reads
-- (25 countries a day instead of every achievement × channel × country row of tracking_daily).
CREATE TABLE analytics_country_daily (
    tenant_id  BIGINT NOT NULL,
    type       TEXT NOT NULL CHECK (type IN ('view', 'verification')),
    day        DATE NOT NULL,
    country    TEXT NOT NULL,
    counted    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, type, day, country)
);
-- Geography for one achievement reads tracking_daily by this index alone.
CREATE INDEX tracking_daily_achievement_type ON tracking_daily (tenant_id, achievement_id, type, day) INCLUDE (country, counted);
-- Top influencers start from the credentials with the most referral clicks. Partial, and not on
-- views, so the frequent view-count updates stay HOT.
CREATE INDEX tracking_credential_referrals ON tracking_credential (tenant_id, referral_clicks DESC) WHERE referral_clicks > 0;

-- The statement's new rows with sign +1 and its old rows with sign -1; for INSERT (DELETE) the
-- missing side is an empty relation of the same shape.
CREATE FUNCTION analytics_sides(op TEXT, OUT new_side TEXT, OUT old_side TEXT) LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN op = 'DELETE' THEN '(SELECT * FROM old_rows WHERE false)' ELSE 'new_rows' END,
           CASE WHEN op = 'INSERT' THEN '(SELECT * FROM new_rows WHERE false)' ELSE 'old_rows' END
$$;

CREATE FUNCTION analytics_from_credential() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD := analytics_sides(TG_OP);
    part CONSTANT TEXT := $p$
        SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date AS issued_day, achievement_id,
               (hashtext(id::text) & 7)::smallint AS shard, %2$s AS issued, %2$s * (claimed_at IS NOT NULL)::int AS claimed
          FROM %1$s AS r$p$;
BEGIN
    EXECUTE format($q$
        INSERT INTO analytics_cohort AS a (tenant_id, issued_day, achievement_id, shard, issued, claimed)
        SELECT tenant_id, issued_day, achievement_id, shard, sum(issued), sum(claimed)
          FROM (%s UNION ALL %s) AS d
         GROUP BY 1, 2, 3, 4
        HAVING sum(issued) <> 0 OR sum(claimed) <> 0
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, issued_day, achievement_id, shard) DO UPDATE
           SET issued = a.issued + EXCLUDED.issued, claimed = a.claimed + EXCLUDED.claimed$q$,
        format(part, s.new_side, 1), format(part, s.old_side, -1));
    IF TG_OP = 'INSERT' THEN
        INSERT INTO analytics_recipient AS r (tenant_id, recipient_email_hash, first_issued_at, credentials)
        SELECT tenant_id, recipient_email_hash, min(issued_at), count(*) FROM new_rows
         GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (tenant_id, recipient_email_hash) DO UPDATE
           SET first_issued_at = LEAST(r.first_issued_at, EXCLUDED.first_issued_at),
               credentials = r.credentials + EXCLUDED.credentials;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_from_tracking_credential() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD := analytics_sides(TG_OP);
    part CONSTANT TEXT := $p$
        SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date AS issued_day, achievement_id,
               (hashtext(credential_id::text) & 7)::smallint AS shard,
               %2$s * (first_viewed_at IS NOT NULL)::int AS viewed,
               %2$s * (first_shared_at IS NOT NULL)::int AS shared,
               %2$s * ('linkedin_profile' = ANY (shared_channels))::int AS shared_linkedin_profile,
               %2$s * ('linkedin_post' = ANY (shared_channels))::int AS shared_linkedin_post,
               %2$s * ('x' = ANY (shared_channels))::int AS shared_x,
               %2$s * ('facebook' = ANY (shared_channels))::int AS shared_facebook,
               %2$s * ('email' = ANY (shared_channels))::int AS shared_email,
               %2$s * ('copy_link' = ANY (shared_channels))::int AS shared_copy_link,
               %2$s * (first_shared_at IS NOT NULL AND first_referral_at IS NOT NULL)::int AS shared_with_referral,
               %2$s * CASE WHEN first_shared_at IS NOT NULL THEN views ELSE 0 END AS views_of_shared,
               %2$s * views AS views, %2$s * shares AS shares, %2$s * referral_clicks AS referral_clicks,
               %2$s * verifications AS verifications, %2$s * downloads AS downloads
          FROM %1$s AS r$p$;
BEGIN
    EXECUTE format($q$
        INSERT INTO analytics_cohort AS a (tenant_id, issued_day, achievement_id, shard, viewed, shared, shared_linkedin_profile,
                                           shared_linkedin_post, shared_x, shared_facebook, shared_email, shared_copy_link,
                                           shared_with_referral, views_of_shared, views, shares, referral_clicks, verifications, downloads)
        SELECT tenant_id, issued_day, achievement_id, shard, sum(viewed), sum(shared), sum(shared_linkedin_profile),
               sum(shared_linkedin_post), sum(shared_x), sum(shared_facebook), sum(shared_email), sum(shared_copy_link),
               sum(shared_with_referral), sum(views_of_shared), sum(views), sum(shares), sum(referral_clicks), sum(verifications),
               sum(downloads)
          FROM (%s UNION ALL %s) AS d
         GROUP BY 1, 2, 3, 4
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, issued_day, achievement_id, shard) DO UPDATE
           SET viewed = a.viewed + EXCLUDED.viewed, shared = a.shared + EXCLUDED.shared,
               shared_linkedin_profile = a.shared_linkedin_profile + EXCLUDED.shared_linkedin_profile,
               shared_linkedin_post = a.shared_linkedin_post + EXCLUDED.shared_linkedin_post,
               shared_x = a.shared_x + EXCLUDED.shared_x, shared_facebook = a.shared_facebook + EXCLUDED.shared_facebook,
               shared_email = a.shared_email + EXCLUDED.shared_email, shared_copy_link = a.shared_copy_link + EXCLUDED.shared_copy_link,
               shared_with_referral = a.shared_with_referral + EXCLUDED.shared_with_referral,
               views_of_shared = a.views_of_shared + EXCLUDED.views_of_shared, views = a.views + EXCLUDED.views,
               shares = a.shares + EXCLUDED.shares, referral_clicks = a.referral_clicks + EXCLUDED.referral_clicks,
               verifications = a.verifications + EXCLUDED.verifications, downloads = a.downloads + EXCLUDED.downloads$q$,
        format(part, s.new_side, 1), format(part, s.old_side, -1));
    IF TG_OP <> 'DELETE' THEN
        -- a recipient "returned" when any of their credentials first saw them back after day 30
        EXECUTE format($q$
            UPDATE analytics_recipient AS r
               SET returned_at = LEAST(r.returned_at, x.returned_at)
              FROM (SELECT c.tenant_id, c.recipient_email_hash, min(n.recipient_returned_at) AS returned_at
                      FROM new_rows AS n
                      JOIN credential AS c ON c.id = n.credential_id
                      LEFT JOIN %s AS o ON o.credential_id = n.credential_id
                     WHERE n.recipient_returned_at IS NOT NULL AND o.recipient_returned_at IS NULL
                     GROUP BY 1, 2 ORDER BY 1, 2) AS x
             WHERE r.tenant_id = x.tenant_id AND r.recipient_email_hash = x.recipient_email_hash
               AND (r.returned_at IS NULL OR r.returned_at > x.returned_at)$q$, s.old_side);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_from_recipient() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD := analytics_sides(TG_OP);
    part CONSTANT TEXT := $p$
        SELECT tenant_id, (first_issued_at AT TIME ZONE 'UTC')::date AS first_day,
               (hashtext(recipient_email_hash) & 7)::smallint AS shard, %2$s AS recipients,
               %2$s * (credentials >= 2)::int AS repeat_earners, %2$s * (returned_at IS NOT NULL)::int AS returned
          FROM %1$s AS r$p$;
BEGIN
    EXECUTE format($q$
        INSERT INTO analytics_recipient_daily AS a (tenant_id, first_day, shard, recipients, repeat_earners, returned)
        SELECT tenant_id, first_day, shard, sum(recipients), sum(repeat_earners), sum(returned)
          FROM (%s UNION ALL %s) AS d
         GROUP BY 1, 2, 3
        HAVING sum(recipients) <> 0 OR sum(repeat_earners) <> 0 OR sum(returned) <> 0
         ORDER BY 1, 2, 3
        ON CONFLICT (tenant_id, first_day, shard) DO UPDATE
           SET recipients = a.recipients + EXCLUDED.recipients, repeat_earners = a.repeat_earners + EXCLUDED.repeat_earners,
               returned = a.returned + EXCLUDED.returned$q$,
        format(part, s.new_side, 1), format(part, s.old_side, -1));
    RETURN NULL;
END $$;

CREATE FUNCTION analytics_from_tracking_daily() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD := analytics_sides(TG_OP);
    part CONSTANT TEXT := 'SELECT tenant_id, day, achievement_id, type, channel, %2$s * counted AS counted FROM %1$s AS r';
    part2 CONSTANT TEXT := 'SELECT tenant_id, type, day, country, %2$s * counted AS counted FROM %1$s AS r';
BEGIN
    EXECUTE format($q$
        INSERT INTO analytics_daily AS a (tenant_id, day, achievement_id, type, channel, counted)
        SELECT tenant_id, day, achievement_id, type, channel, sum(counted)
          FROM (%s UNION ALL %s) AS d
         GROUP BY 1, 2, 3, 4, 5
        HAVING sum(counted) <> 0
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (tenant_id, day, achievement_id, type, channel) DO UPDATE SET counted = a.counted + EXCLUDED.counted$q$,
        format(part, s.new_side, 1), format(part, s.old_side, -1));
    EXECUTE format($q$
        INSERT INTO analytics_country_daily AS a (tenant_id, type, day, country, counted)
        SELECT tenant_id, type, day, country, sum(counted)
          FROM (%s UNION ALL %s) AS d
         WHERE type IN ('view', 'verification')
         GROUP BY 1, 2, 3, 4
        HAVING sum(counted) <> 0
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, type, day, country) DO UPDATE SET counted = a.counted + EXCLUDED.counted$q$,
        format(part2, s.new_side, 1), format(part2, s.old_side, -1));
    RETURN NULL;
END $$;

-- What exists already: fold it in once, then let the triggers keep it.
INSERT INTO analytics_cohort (tenant_id, issued_day, achievement_id, shard, issued, claimed, viewed, shared, shared_linkedin_profile,
                              shared_linkedin_post, shared_x, shared_facebook, shared_email, shared_copy_link, shared_with_referral,
                              views_of_shared, views, shares, referral_clicks, verifications, downloads)
SELECT c.tenant_id, (c.issued_at AT TIME ZONE 'UTC')::date, c.achievement_id, (hashtext(c.id::text) & 7)::smallint,
       count(*), count(c.claimed_at), count(t.first_viewed_at), count(t.first_shared_at),
       count(*) FILTER (WHERE 'linkedin_profile' = ANY (t.shared_channels)), count(*) FILTER (WHERE 'linkedin_post' = ANY (t.shared_channels)),
       count(*) FILTER (WHERE 'x' = ANY (t.shared_channels)), count(*) FILTER (WHERE 'facebook' = ANY (t.shared_channels)),
       count(*) FILTER (WHERE 'email' = ANY (t.shared_channels)), count(*) FILTER (WHERE 'copy_link' = ANY (t.shared_channels)),
       count(*) FILTER (WHERE t.first_shared_at IS NOT NULL AND t.first_referral_at IS NOT NULL),
       coalesce(sum(t.views) FILTER (WHERE t.first_shared_at IS NOT NULL), 0), coalesce(sum(t.views), 0), coalesce(sum(t.shares), 0),
       coalesce(sum(t.referral_clicks), 0), coalesce(sum(t.verifications), 0), coalesce(sum(t.downloads), 0)
  FROM credential AS c LEFT JOIN tracking_credential AS t ON t.credential_id = c.id
 GROUP BY 1, 2, 3, 4;
INSERT INTO analytics_recipient (tenant_id, recipient_email_hash, first_issued_at, credentials, returned_at)
SELECT c.tenant_id, c.recipient_email_hash, min(c.issued_at), count(*), min(t.recipient_returned_at)
  FROM credential AS c LEFT JOIN tracking_credential AS t ON t.credential_id = c.id
 GROUP BY 1, 2;
INSERT INTO analytics_recipient_daily (tenant_id, first_day, shard, recipients, repeat_earners, returned)
SELECT tenant_id, (first_issued_at AT TIME ZONE 'UTC')::date, (hashtext(recipient_email_hash) & 7)::smallint,
       count(*), count(*) FILTER (WHERE credentials >= 2), count(returned_at)
  FROM analytics_recipient GROUP BY 1, 2, 3;
INSERT INTO analytics_daily (tenant_id, day, achievement_id, type, channel, counted)
SELECT tenant_id, day, achievement_id, type, channel, sum(counted) FROM tracking_daily GROUP BY 1, 2, 3, 4, 5;
INSERT INTO analytics_country_daily (tenant_id, type, day, country, counted)
SELECT tenant_id, type, day, country, sum(counted) FROM tracking_daily WHERE type IN ('view', 'verification') GROUP BY 1, 2, 3, 4;

CREATE TRIGGER analytics_credential_insert AFTER INSERT ON credential
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_credential();
CREATE TRIGGER analytics_credential_update AFTER UPDATE ON credential
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_credential();
CREATE TRIGGER analytics_credential_delete AFTER DELETE ON credential
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_credential();
CREATE TRIGGER analytics_tracking_credential_insert AFTER INSERT ON tracking_credential
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_tracking_credential();
CREATE TRIGGER analytics_tracking_credential_update AFTER UPDATE ON tracking_credential
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_tracking_credential();
CREATE TRIGGER analytics_tracking_credential_delete AFTER DELETE ON tracking_credential
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_tracking_credential();
CREATE TRIGGER analytics_recipient_insert AFTER INSERT ON analytics_recipient
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_recipient();
CREATE TRIGGER analytics_recipient_update AFTER UPDATE ON analytics_recipient
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_recipient();
CREATE TRIGGER analytics_tracking_daily_insert AFTER INSERT ON tracking_daily
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_tracking_daily();
CREATE TRIGGER analytics_tracking_daily_update AFTER UPDATE ON tracking_daily
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_tracking_daily();
CREATE TRIGGER analytics_tracking_daily_delete AFTER DELETE ON tracking_daily
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_tracking_daily();
