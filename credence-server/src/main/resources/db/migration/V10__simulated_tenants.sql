-- A tenant filled by the simulator (./credence serve --demo), with the settings that made it,
-- so every page can label its data as simulated and anyone can regenerate it.
CREATE TABLE simulated_tenant (
    tenant_id   BIGINT PRIMARY KEY REFERENCES tenant(id),
    seed        BIGINT NOT NULL,
    recipients  INTEGER NOT NULL,
    months      INTEGER NOT NULL,
    period_end  DATE NOT NULL,
    credentials INTEGER NOT NULL,
    events      BIGINT NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
