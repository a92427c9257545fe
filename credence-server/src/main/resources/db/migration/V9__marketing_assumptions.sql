-- Every edit of a marketing-value assumption (impressions per share, CPM), kept: the figure shows
-- who set the value it uses, when and why, and the history shows what it was before.
CREATE TABLE marketing_assumption (
    id              BIGSERIAL PRIMARY KEY,
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id  BIGINT REFERENCES achievement(id),      -- null: the whole tenant
    parameter       TEXT NOT NULL CHECK (parameter IN ('impressions_per_share', 'cpm')),
    channel         TEXT CHECK (channel IN ('linkedin_profile', 'linkedin_post', 'x', 'facebook', 'email', 'copy_link')),  -- null: every channel
    value           NUMERIC(14, 4) NOT NULL CHECK (value >= 0),
    set_by          TEXT NOT NULL,
    set_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason          TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000)
);
CREATE INDEX marketing_assumption_tenant ON marketing_assumption (tenant_id, achievement_id);
