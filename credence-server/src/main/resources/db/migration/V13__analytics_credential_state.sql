-- The tracking writer stops computing cohort deltas itself (V12 read each credential's state
-- before the batch, under lock shards, inside its serial step). It now appends each batch's
-- per-credential fold as it is, and AnalyticsFolder derives the deltas against its own copy of
-- what it has folded per credential, a second's worth of batches at a time.

-- One credential's part of one batch: the same facts the batch folds into tracking_credential.
CREATE TABLE analytics_credential_pending (
    credential_id   UUID NOT NULL,
    tenant_id       BIGINT NOT NULL,
    achievement_id  BIGINT NOT NULL,
    issued_day      DATE NOT NULL,          -- UTC
    viewed          BOOLEAN NOT NULL,       -- a counted third-party view in the batch
    shared          BOOLEAN NOT NULL,
    referral        BOOLEAN NOT NULL,
    returned_at     TIMESTAMPTZ,            -- the recipient's first own activity after day 30 in the batch
    channels        TEXT[] NOT NULL,        -- channels shared to in the batch
    views           BIGINT NOT NULL,
    shares          BIGINT NOT NULL,
    referrals       BIGINT NOT NULL,
    verifications   BIGINT NOT NULL,
    downloads       BIGINT NOT NULL
);

-- What the analytics rollups already hold of each tracked credential: the "before" of the next fold.
CREATE TABLE analytics_credential_state (
    credential_id  UUID PRIMARY KEY,
    viewed         BOOLEAN NOT NULL,
    shared         BOOLEAN NOT NULL,
    referral       BOOLEAN NOT NULL,
    returned       BOOLEAN NOT NULL,
    channels       TEXT[] NOT NULL,
    views          BIGINT NOT NULL
);

-- Everything tracked so far is in the rollups or in V12's pending deltas already.
INSERT INTO analytics_credential_state (credential_id, viewed, shared, referral, returned, channels, views)
SELECT credential_id, first_viewed_at IS NOT NULL, first_shared_at IS NOT NULL, first_referral_at IS NOT NULL,
       recipient_returned_at IS NOT NULL, shared_channels, views
  FROM tracking_credential;
