-- Completion, retention and business-outcome figures (ROI layers 4 and 5), read from the V25 outcome tables.

-- Program metadata per achievement: when the credential offer started, and how its comparisons were designed,
-- which decides the sentence a comparison may carry (observational results never say "caused").
CREATE TABLE achievement_program (
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    achievement_id  BIGINT NOT NULL REFERENCES achievement(id),
    launched_on     DATE,
    study_design    TEXT NOT NULL DEFAULT 'observational'
                    CHECK (study_design IN ('observational', 'before_after', 'randomised_holdout')),
    updated_by      TEXT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, achievement_id)
);

-- What each outcome person has earned: first issue date per achievement. A person still on file is matched to
-- credentials by e-mail hash (their own, or the one their external id is known to belong to); an erased person
-- by what outcome_person_earning kept at erasure, so earner/non-earner splits do not change after erasure.
CREATE VIEW outcome_earning AS
SELECT p.tenant_id, p.id AS person_id, c.achievement_id, min(c.issued_at) AS first_issued_at
FROM outcome_person p
LEFT JOIN recipient_external_id x ON x.tenant_id = p.tenant_id AND x.external_id = p.external_id
JOIN credential c ON c.tenant_id = p.tenant_id AND c.recipient_email_hash = coalesce(p.email_hash, x.email_hash)
WHERE p.erased_at IS NULL
GROUP BY p.tenant_id, p.id, c.achievement_id
UNION ALL
SELECT e.tenant_id, e.person_id, e.achievement_id, e.first_issued_at
FROM outcome_person_earning e
JOIN outcome_person p ON p.id = e.person_id AND p.erased_at IS NOT NULL;

-- Set-based reads at a million rows: each figure's join and range columns.
CREATE INDEX outcome_credential_recipient ON credential (tenant_id, recipient_email_hash, achievement_id, issued_at);
CREATE INDEX outcome_credential_expiry ON credential (tenant_id, expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX outcome_lms_enrolment_person_time ON lms_enrolment (tenant_id, person_id, enrolled_at, course_id);
CREATE INDEX outcome_crm_opportunity_created ON crm_opportunity (tenant_id, created_at);
CREATE INDEX outcome_crm_contact_created ON crm_contact (tenant_id, created_at);
CREATE INDEX outcome_hris_employee_hired ON hris_employee (tenant_id, hired_on);
CREATE INDEX outcome_revenue_line_renewal ON revenue_line (tenant_id, person_id, achievement_id) WHERE kind = 'renewal';
CREATE INDEX outcome_person_erased ON outcome_person (tenant_id) WHERE erased_at IS NOT NULL;
