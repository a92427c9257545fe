-- A badge image an issuer uploaded for an achievement: a clean PNG (re-encoded on upload) and/or a
-- sanitised SVG. Without one, badges are generated from the tenant's colours and the achievement.
CREATE TABLE achievement_image (
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id  BIGINT NOT NULL REFERENCES achievement(id),
    png             BYTEA,
    svg             TEXT,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (achievement_id),
    CHECK (png IS NOT NULL OR svg IS NOT NULL)
);
CREATE INDEX achievement_image_tenant ON achievement_image (tenant_id);
