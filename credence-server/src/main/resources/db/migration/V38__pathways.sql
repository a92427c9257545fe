-- Pathways (issue 14, section 5): an achievement that requires others — all of a set, or N of M, optionally
-- earned in the listed order. Earning the last required component issues the pathway's credential (a job).

-- Lets the pathway tables name an achievement together with its tenant, so the database itself refuses a
-- component from another tenant.
CREATE UNIQUE INDEX achievement_tenant_id ON achievement (tenant_id, id);

-- The rule of one pathway achievement.
CREATE TABLE pathway (
    tenant_id       BIGINT NOT NULL,
    achievement_id  BIGINT NOT NULL,
    minimum         INTEGER NOT NULL CHECK (minimum >= 1),   -- how many components complete it (all: their count)
    ordered         BOOLEAN NOT NULL DEFAULT false,          -- components must be earned in the listed order
    updated_by      TEXT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, achievement_id),
    FOREIGN KEY (tenant_id, achievement_id) REFERENCES achievement (tenant_id, id)
);

-- Its components, in the listed order.
CREATE TABLE pathway_component (
    tenant_id        BIGINT NOT NULL,
    pathway_id       BIGINT NOT NULL,                        -- the pathway's achievement id
    position         INTEGER NOT NULL,
    component_id     BIGINT NOT NULL,                        -- the required achievement's id
    PRIMARY KEY (tenant_id, pathway_id, position),
    UNIQUE (tenant_id, pathway_id, component_id),
    CHECK (component_id <> pathway_id),
    FOREIGN KEY (tenant_id, pathway_id) REFERENCES pathway (tenant_id, achievement_id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, component_id) REFERENCES achievement (tenant_id, id)
);
-- an issued credential asks "which pathways need this achievement?"
CREATE INDEX pathway_component_by_component ON pathway_component (tenant_id, component_id);
