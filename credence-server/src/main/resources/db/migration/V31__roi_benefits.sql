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

-- Revenue per tenant, day, kind and currency, kept by statement-level triggers on revenue_line (V25),
-- so the revenue model sums a few hundred rows a year instead of every imported line. A statement's
-- new rows count +1 and its old rows −1, so inserts, upserts, updates and deletes keep the sums exact.
CREATE TABLE revenue_daily (
    tenant_id  BIGINT NOT NULL,
    booked_on  DATE NOT NULL,
    kind       TEXT NOT NULL,
    currency   CHAR(3) NOT NULL,
    quantity   BIGINT NOT NULL DEFAULT 0,
    amount     NUMERIC(20, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, booked_on, kind, currency)
);

CREATE FUNCTION revenue_daily_add(tenant BIGINT[], day DATE[], kinds TEXT[], currencies CHAR(3)[], quantities BIGINT[],
                                  amounts NUMERIC[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO revenue_daily AS d (tenant_id, booked_on, kind, currency, quantity, amount)
    SELECT t, b, k, c, sum(q), sum(a) FROM unnest(tenant, day, kinds, currencies, quantities, amounts) AS x(t, b, k, c, q, a)
     GROUP BY 1, 2, 3, 4
    HAVING sum(q) <> 0 OR sum(a) <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, booked_on, kind, currency) DO UPDATE
       SET quantity = d.quantity + EXCLUDED.quantity, amount = d.amount + EXCLUDED.amount
$$;

CREATE FUNCTION revenue_daily_from_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM revenue_daily_add(array_agg(tenant_id), array_agg(booked_on), array_agg(kind), array_agg(currency),
                                  array_agg(quantity::bigint), array_agg(amount)) FROM new_rows;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM revenue_daily_add(array_agg(tenant_id), array_agg(booked_on), array_agg(kind), array_agg(currency),
                                  array_agg(-quantity::bigint), array_agg(-amount)) FROM old_rows;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER revenue_daily_insert AFTER INSERT ON revenue_line
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION revenue_daily_from_lines();
CREATE TRIGGER revenue_daily_update AFTER UPDATE ON revenue_line
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revenue_daily_from_lines();
CREATE TRIGGER revenue_daily_delete AFTER DELETE ON revenue_line
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revenue_daily_from_lines();

INSERT INTO revenue_daily (tenant_id, booked_on, kind, currency, quantity, amount)
SELECT tenant_id, booked_on, kind, currency, sum(quantity), sum(amount) FROM revenue_line GROUP BY 1, 2, 3, 4;
