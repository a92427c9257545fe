-- The tenant's ROI benefits model (issue 13, section 6): monetised benefit lines, each edit kept as
-- a row like marketing_assumption, so every figure shows who set the line it uses, when and why, and
-- the history shows what it was before. The effective model is the latest row per name; a row with
-- active = false retires the name.
CREATE TABLE roi_benefit (
    id                   BIGSERIAL PRIMARY KEY,
    tenant_id            BIGINT NOT NULL REFERENCES tenant(id),
    name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    source               TEXT NOT NULL CHECK (source IN ('amount', 'survey')),   -- survey: Σ of participants' estimates
    annual_amount        NUMERIC(18, 2) CHECK (annual_amount >= 0),              -- null when source = 'survey'
    currency             CHAR(3) NOT NULL,
    isolation            TEXT NOT NULL CHECK (isolation IN ('none', 'before_after', 'comparison_group', 'participant_estimate')),
    attribution          NUMERIC(5, 4) NOT NULL CHECK (attribution BETWEEN 0 AND 1),
    confidence           NUMERIC(5, 4) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    factor_conservative  NUMERIC(6, 4) NOT NULL CHECK (factor_conservative >= 0),
    factor_base          NUMERIC(6, 4) NOT NULL CHECK (factor_base >= factor_conservative),
    factor_optimistic    NUMERIC(6, 4) NOT NULL CHECK (factor_optimistic >= factor_base),
    active               BOOLEAN NOT NULL DEFAULT true,
    set_by               TEXT NOT NULL,
    set_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason               TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    CHECK ((source = 'amount') = (annual_amount IS NOT NULL))
);
CREATE INDEX roi_benefit_tenant ON roi_benefit (tenant_id, name, set_at DESC);
