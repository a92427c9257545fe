-- Reports (issue 13, section 9): who gets the weekly program report by mail, which weeks went out to
-- whom (one mail per tenant, user and week: the unique key makes the Monday scan idempotent), and the
-- smallest group a tenant's reports show.

-- The weekly report is mailed through the ordinary mail queue; its row names the report it carries.
-- The list keeps the survey kinds V28 added (this migration runs after it and replaces the check).
ALTER TABLE mail DROP CONSTRAINT mail_kind_check;
ALTER TABLE mail ADD CONSTRAINT mail_kind_check
    CHECK (kind IN ('credential_issued', 'claim_link', 'recipient_sign_in', 'survey_invitation', 'survey_reminder', 'weekly_report'));
ALTER TABLE mail ADD COLUMN reference TEXT;     -- for weekly_report: the ISO week, '2026-W48'

CREATE TABLE report_subscription (
    tenant_id   BIGINT NOT NULL REFERENCES tenant(id),
    user_id     BIGINT NOT NULL,
    report      TEXT NOT NULL CHECK (report IN ('weekly')),
    language    TEXT NOT NULL CHECK (language IN ('en', 'nb')),
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, user_id, report),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);

CREATE TABLE report_delivery (
    tenant_id   BIGINT NOT NULL REFERENCES tenant(id),
    user_id     BIGINT NOT NULL,
    report      TEXT NOT NULL CHECK (report IN ('weekly')),
    period      TEXT NOT NULL,                    -- the ISO week reported on, '2026-W48'
    mail_id     BIGINT NOT NULL REFERENCES mail(id),
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, user_id, report, period),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);

CREATE TABLE report_setting (
    tenant_id       BIGINT PRIMARY KEY REFERENCES tenant(id),
    min_group_size  INTEGER NOT NULL CHECK (min_group_size BETWEEN 3 AND 100),
    set_by          TEXT NOT NULL,
    set_at          TIMESTAMPTZ NOT NULL
);
