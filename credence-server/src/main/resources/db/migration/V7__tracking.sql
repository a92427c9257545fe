-- Engagement tracking (issue 5): an append-only event table, and rollups folded in the same
-- transaction as the events they count. Dashboards read the rollups, never the raw events.
-- No column here holds an IP address, truncated or not.

-- One row per tracked request. Append-only: rows are only ever inserted, and deleted by the
-- retention job once older than CREDENCE_EVENT_RETENTION_MONTHS (default 25).
-- No foreign keys: the credential is checked when the event is accepted, and per-row key checks
-- would cost the ingestion path an index probe per event for nothing.
CREATE TABLE tracking_event (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          BIGINT NOT NULL,
    credential_id      UUID NOT NULL,
    achievement_id     BIGINT NOT NULL,
    type               TEXT NOT NULL CHECK (type IN ('claim', 'view', 'share_click', 'download', 'wallet_export',
                                                     'verification', 'referral_click')),
    -- what the type is about: the viewed item, the share channel, the verification method, the
    -- referral target, the downloaded file; '' when the type has none (claim, wallet_export)
    channel            TEXT NOT NULL DEFAULT '',
    occurred_at        TIMESTAMPTZ NOT NULL,
    country            TEXT CHECK (country ~ '^[A-Z]{2}$'),              -- ISO 3166-1 alpha-2; NULL when unknown
    referrer_host      TEXT,                                             -- host only; NULL without consent
    ua_class           TEXT NOT NULL CHECK (ua_class IN ('browser', 'mobile', 'bot', 'mail-scanner', 'link-preview', 'other')),
    is_recipient       BOOLEAN NOT NULL,
    -- HMAC-SHA256 (first 16 bytes) of the truncated address and user agent under a secret that
    -- rotates daily and is deleted after two days: not reversible, not linkable across days.
    -- NULL unless the recipient allowed detailed tracking.
    visitor_key        BYTEA,
    counted            BOOLEAN NOT NULL,
    not_counted_reason TEXT CHECK (not_counted_reason IN ('bot', 'double-click', 'recipient-self', 'rate-limited')),
    CHECK (counted = (not_counted_reason IS NULL))
);
CREATE INDEX tracking_event_tenant_time ON tracking_event (tenant_id, occurred_at);
CREATE INDEX tracking_event_credential ON tracking_event (tenant_id, credential_id, occurred_at);
-- the retention job deletes by age across tenants; BRIN is tiny for an insert-ordered column
CREATE INDEX tracking_event_age ON tracking_event USING BRIN (occurred_at);

-- Daily rollup per (tenant, achievement, UTC day, type, channel, country). Every column is a
-- plain count, so any date range is a SUM. country '' = unknown (a key column cannot be NULL).
-- events = counted + bots + double_clicks + recipient_self + rate_limited.
CREATE TABLE tracking_daily (
    tenant_id        BIGINT NOT NULL,
    achievement_id   BIGINT NOT NULL,
    day              DATE NOT NULL,
    type             TEXT NOT NULL,
    channel          TEXT NOT NULL,
    country          TEXT NOT NULL,
    events           BIGINT NOT NULL DEFAULT 0,
    counted          BIGINT NOT NULL DEFAULT 0,
    counted_recipient   BIGINT NOT NULL DEFAULT 0,   -- counted events by the recipient (their shares, claims, downloads)
    counted_third_party BIGINT NOT NULL DEFAULT 0,   -- counted events by anyone else (third-party views, referral clicks)
    bots             BIGINT NOT NULL DEFAULT 0,
    double_clicks    BIGINT NOT NULL DEFAULT 0,
    recipient_self   BIGINT NOT NULL DEFAULT 0,
    rate_limited     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, achievement_id, type, channel, country)
);
-- the primary key serves "tenant, date range"; this one serves the achievement filter
CREATE INDEX tracking_daily_achievement ON tracking_daily (tenant_id, achievement_id, day);

-- One row per credential with any tracked event: the exact firsts and counts that make rates
-- "per credential, not per click". Counts are counted events only (bots, double clicks,
-- recipient self-views and rate-limited events excluded). issued_at is copied from the
-- credential so cohort queries ("credentials issued in the period") need no join.
CREATE TABLE tracking_credential (
    credential_id          UUID PRIMARY KEY,
    tenant_id              BIGINT NOT NULL,
    achievement_id         BIGINT NOT NULL,
    issued_at              TIMESTAMPTZ NOT NULL,
    first_claimed_at       TIMESTAMPTZ,
    first_viewed_at        TIMESTAMPTZ,           -- first counted view by someone other than the recipient
    first_shared_at        TIMESTAMPTZ,
    first_referral_at      TIMESTAMPTZ,
    first_verified_at      TIMESTAMPTZ,
    -- the recipient's first own activity (view, download, share, export) more than 30 days after issuance: re-engagement
    recipient_returned_at  TIMESTAMPTZ,
    shared_channels        TEXT[] NOT NULL DEFAULT '{}',   -- sorted, distinct
    views                  BIGINT NOT NULL DEFAULT 0,      -- counted third-party views, any item
    shares                 BIGINT NOT NULL DEFAULT 0,
    verifications          BIGINT NOT NULL DEFAULT 0,
    referral_clicks        BIGINT NOT NULL DEFAULT 0,
    downloads              BIGINT NOT NULL DEFAULT 0,
    last_event_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracking_credential_cohort ON tracking_credential (tenant_id, issued_at);
CREATE INDEX tracking_credential_achievement ON tracking_credential (tenant_id, achievement_id, issued_at);

-- The daily secrets behind visitor keys. Only today's and yesterday's exist (yesterday's for
-- the double-click window across midnight); older ones are deleted, so no stored visitor key
-- can be recomputed from an address guess afterwards. Never joined with events.
CREATE TABLE tracking_secret (
    day     DATE PRIMARY KEY,
    secret  BYTEA NOT NULL
);
