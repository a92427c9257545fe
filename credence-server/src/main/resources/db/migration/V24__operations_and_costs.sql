-- Layer 1 of the ROI measures (issue 13): what running the credential program costs and how well
-- it runs. docs/metrics-operations.md defines every figure read from these tables.

-- The program-cost ledger. Append-only: a cost line is a chain of versions sharing its entry_id
-- (the id the API shows); a correction or a void adds a version, so every earlier state stays
-- readable and nothing is overwritten. The line's current state is its highest version.
CREATE SEQUENCE program_cost_entry_seq;
CREATE TABLE program_cost (
    id              BIGSERIAL PRIMARY KEY,
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    entry_id        BIGINT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    achievement_id  BIGINT REFERENCES achievement(id),        -- null: the whole program
    category        TEXT NOT NULL CHECK (category IN ('platform', 'design', 'delivery', 'exam_administration', 'staff', 'other')),
    incurred_on     DATE NOT NULL,
    incurred_until  DATE,                                     -- last day (inclusive) of a cost spread over a period; null: one day
    amount          NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    currency        CHAR(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    hours           NUMERIC(12, 2) CHECK (hours > 0),          -- staff only: amount = hours × hourly_rate
    hourly_rate     NUMERIC(14, 2) CHECK (hourly_rate >= 0),
    note            TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    owner           TEXT NOT NULL,                            -- who entered this version
    created_at      TIMESTAMPTZ NOT NULL,
    change          TEXT NOT NULL CHECK (change IN ('created', 'corrected', 'voided')),
    reason          TEXT CHECK (length(reason) <= 1000),      -- why it was corrected or voided
    CHECK (incurred_until IS NULL OR incurred_until >= incurred_on),
    CHECK ((category = 'staff') = (hours IS NOT NULL AND hourly_rate IS NOT NULL)),
    CHECK (change = 'created' OR reason IS NOT NULL),
    UNIQUE (tenant_id, entry_id, version)
);
CREATE INDEX program_cost_period ON program_cost (tenant_id, incurred_on);

-- Support load: tickets per day and channel, typed in or imported. One row per (day, channel);
-- a new count for the same day and channel replaces it, and the audit trail keeps the old one.
CREATE TABLE support_ticket_count (
    tenant_id   BIGINT NOT NULL REFERENCES tenant(id),
    day         DATE NOT NULL,
    channel     TEXT NOT NULL CHECK (channel ~ '^[a-z0-9_-]{1,40}$'),
    tickets     INTEGER NOT NULL CHECK (tickets >= 0),
    entered_by  TEXT NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, day, channel)
);

-- The cost-avoided assumptions share the marketing assumptions' history (who, when, why).
ALTER TABLE marketing_assumption DROP CONSTRAINT marketing_assumption_parameter_check;
ALTER TABLE marketing_assumption ADD CONSTRAINT marketing_assumption_parameter_check
    CHECK (parameter IN ('impressions_per_share', 'cpm', 'manual_minutes_per_certificate', 'manual_hourly_rate'));

-- When the request to issue arrived, or the completion it answers (an LMS's completion time given
-- with the request), and when the credential was signed: time-to-issue is signed_at - requested_at
-- (issued_at may be backdated to when the achievement was earned). Null for credentials issued
-- before this migration: they have no time-to-issue.
ALTER TABLE credential ADD COLUMN requested_at TIMESTAMPTZ, ADD COLUMN signed_at TIMESTAMPTZ;
-- Cost per recipient counts the distinct recipients of a period's credentials from this index alone.
CREATE INDEX credential_period_recipient ON credential (tenant_id, issued_at) INCLUDE (achievement_id, recipient_email_hash);

-- Operations rollup: per tenant, day and achievement, counts of
--   issue_ms    credentials by log-spaced bucket of signed_at - requested_at (day: issued)
--   claim_ms    claimed credentials by bucket of claimed_at - issued_at (day: issued, the cohort)
--   mail_<status> credential mails (issued / claim link) by their current status (day: queued)
--   recipient_hll  a HyperLogLog sketch of the recipients issued to: bucket = register (0-511), count = its rank
-- Bucket b holds durations d (milliseconds) with floor(8 · log2(d + 1)) = b: each spans a factor
-- of 2^(1/8) ≈ 1.09, so a percentile read from it is exact to about ±4.5 %. Triggers append deltas
-- to operations_pending in the writing transaction (no shared rows, so no lock convoys); a read folds
-- its tenant's deltas first (OperationsQueries), into operations_daily and operations_monthly (day:
-- the month's first), each also under achievement 0 for all achievements, so a year's figures sum
-- a few thousand rows.
CREATE TABLE operations_pending (
    tenant_id       BIGINT NOT NULL,
    day             DATE NOT NULL,
    achievement_id  BIGINT NOT NULL,
    metric          TEXT NOT NULL,
    bucket          SMALLINT NOT NULL,
    delta           BIGINT NOT NULL
);
CREATE INDEX operations_pending_tenant ON operations_pending (tenant_id);
CREATE TABLE operations_daily (
    tenant_id       BIGINT NOT NULL,
    day             DATE NOT NULL,
    achievement_id  BIGINT NOT NULL,                          -- 0: every achievement
    metric          TEXT NOT NULL,
    bucket          SMALLINT NOT NULL,
    count           BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, metric, achievement_id, day, bucket)
);
CREATE TABLE operations_monthly (LIKE operations_daily INCLUDING ALL);

CREATE FUNCTION operations_bucket(ms DOUBLE PRECISION) RETURNS SMALLINT LANGUAGE sql IMMUTABLE AS $$
    SELECT floor(8 * log(2.0, (greatest(ms, 0) + 1)::numeric))::smallint
$$;

-- A HyperLogLog rank: the position of the first 1 in the 55 bits above the register's 9 (56 when none).
CREATE FUNCTION operations_hll_rank(h BIGINT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(coalesce(nullif(position('1' IN CAST(CAST(h >> 9 AS BIT(55)) AS TEXT)), 0), 56) AS SMALLINT)
$$;

CREATE FUNCTION operations_from_credential_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, 'issue_ms',
           operations_bucket(extract(epoch FROM signed_at - requested_at) * 1000), count(*)
      FROM new_rows WHERE requested_at IS NOT NULL AND signed_at IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5;
    -- HyperLogLog (512 registers): register = the hash's low 9 bits, rank = the position of the first 1 in the next 55
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, 'recipient_hll', h & 511,
           max(operations_hll_rank(h))
      FROM (SELECT tenant_id, issued_at, achievement_id, hashtextextended(recipient_email_hash, 0) AS h FROM new_rows) AS r
     GROUP BY 1, 2, 3, 4, 5;
    IF EXISTS (SELECT 1 FROM new_rows WHERE claimed_at IS NOT NULL) THEN
        INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
        SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, 'claim_ms',
               operations_bucket(extract(epoch FROM claimed_at - issued_at) * 1000), count(*)
          FROM new_rows WHERE claimed_at IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5;
    END IF;
    RETURN NULL;
END $$;

-- An update moves a credential between histogram buckets when a time it is measured by changes
-- (a claim, a request time set afterwards): its old place counts -1, its new place +1.
CREATE FUNCTION operations_from_credential_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    SELECT tenant_id, day, achievement_id, metric, bucket, sum(delta)
      FROM (SELECT r.tenant_id, (r.issued_at AT TIME ZONE 'UTC')::date AS day, r.achievement_id, 'issue_ms' AS metric,
                   operations_bucket(extract(epoch FROM r.signed_at - r.requested_at) * 1000) AS bucket, r.sign AS delta
              FROM (SELECT n.*, 1 AS sign FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
                     WHERE (o.requested_at, o.signed_at, o.issued_at, o.achievement_id) IS DISTINCT FROM (n.requested_at, n.signed_at, n.issued_at, n.achievement_id)
                    UNION ALL
                    SELECT o.*, -1 FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                     WHERE (o.requested_at, o.signed_at, o.issued_at, o.achievement_id) IS DISTINCT FROM (n.requested_at, n.signed_at, n.issued_at, n.achievement_id)
                   ) AS r
             WHERE r.requested_at IS NOT NULL AND r.signed_at IS NOT NULL
            UNION ALL
            SELECT r.tenant_id, (r.issued_at AT TIME ZONE 'UTC')::date, r.achievement_id, 'claim_ms',
                   operations_bucket(extract(epoch FROM r.claimed_at - r.issued_at) * 1000), r.sign
              FROM (SELECT n.*, 1 AS sign FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
                     WHERE (o.claimed_at, o.issued_at, o.achievement_id) IS DISTINCT FROM (n.claimed_at, n.issued_at, n.achievement_id)
                    UNION ALL
                    SELECT o.*, -1 FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                     WHERE (o.claimed_at, o.issued_at, o.achievement_id) IS DISTINCT FROM (n.claimed_at, n.issued_at, n.achievement_id)
                   ) AS r
             WHERE r.claimed_at IS NOT NULL) AS d
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(delta) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER operations_credential_insert AFTER INSERT ON credential
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_from_credential_insert();
CREATE TRIGGER operations_credential_update AFTER UPDATE ON credential
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_from_credential_update();

CREATE FUNCTION operations_from_mail() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    achievement BIGINT;
BEGIN
    IF NEW.credential_id IS NULL OR NEW.kind NOT IN ('credential_issued', 'claim_link') THEN
        RETURN NULL;
    END IF;
    SELECT achievement_id INTO achievement FROM credential WHERE id = NEW.credential_id;
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    VALUES (NEW.tenant_id, (NEW.created_at AT TIME ZONE 'UTC')::date, achievement, 'mail_' || NEW.status, 0, 1);
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
        VALUES (OLD.tenant_id, (OLD.created_at AT TIME ZONE 'UTC')::date, achievement, 'mail_' || OLD.status, 0, -1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER operations_mail_insert AFTER INSERT ON mail FOR EACH ROW EXECUTE FUNCTION operations_from_mail();
CREATE TRIGGER operations_mail_update AFTER UPDATE OF status ON mail
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION operations_from_mail();

-- What exists already: claims, mails and recipients (no credential has a request time yet), folded
-- by the same statement a read uses.
INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, 'claim_ms',
       operations_bucket(extract(epoch FROM claimed_at - issued_at) * 1000), count(*)
  FROM credential WHERE claimed_at IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5;
INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, 'recipient_hll', h & 511,
       max(operations_hll_rank(h))
  FROM (SELECT tenant_id, issued_at, achievement_id, hashtextextended(recipient_email_hash, 0) AS h FROM credential) AS r
 GROUP BY 1, 2, 3, 4, 5;
INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
SELECT m.tenant_id, (m.created_at AT TIME ZONE 'UTC')::date, c.achievement_id, 'mail_' || m.status, 0, count(*)
  FROM mail AS m JOIN credential AS c ON c.id = m.credential_id
 WHERE m.kind IN ('credential_issued', 'claim_link')
 GROUP BY 1, 2, 3, 4, 5;
