-- Outcome data imported from learning, CRM and HR systems, for ROI layers 4 and 5. Every row is keyed
-- by the source system's own id (tenant, source, source_id), so importing the same file again updates
-- rows instead of duplicating them. Only what the figures need is stored: a person is an e-mail hash
-- (Issuance.emailHash, never the address) and/or the source's own person id, nothing else.

-- One import run: what came in, what was kept, what was refused and how many rows name a recipient.
CREATE TABLE outcome_import (
    id             BIGSERIAL PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    kind           TEXT NOT NULL CHECK (kind IN ('lms_enrolment', 'crm_contact', 'crm_account', 'crm_opportunity',
                                                 'hris_employee', 'revenue_line')),
    source         TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 100),   -- e.g. 'moodle', 'salesforce'
    format         TEXT NOT NULL CHECK (format IN ('csv', 'json')),
    imported_by    TEXT NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ,
    rows_total     INTEGER NOT NULL DEFAULT 0,
    rows_upserted  INTEGER NOT NULL DEFAULT 0,
    rows_failed    INTEGER NOT NULL DEFAULT 0,
    rows_with_person INTEGER NOT NULL DEFAULT 0,   -- rows naming a person at all: the match rate's denominator
    rows_matched   INTEGER NOT NULL DEFAULT 0,     -- of those, rows whose person holds a credential of the tenant
    errors         JSONB NOT NULL DEFAULT '[]',    -- [{"line": 12, "field": "amount", "message": "…"}], at most 1000
    simulated      BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX outcome_import_tenant ON outcome_import (tenant_id, started_at DESC);

-- A person named by outcome data. Matched to recipients by email_hash = credential.recipient_email_hash,
-- or by external_id through recipient_external_id. Erasure (GDPR) nulls both keys and sets erased_at;
-- the facts stay, so aggregate history does not change (see outcome_person_earning).
CREATE TABLE outcome_person (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    BIGINT NOT NULL REFERENCES tenant(id),
    email_hash   TEXT,
    external_id  TEXT,
    erased_at    TIMESTAMPTZ,
    simulated    BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (tenant_id, email_hash),
    UNIQUE (tenant_id, external_id)
);

-- What an erased person had earned (first issue date per achievement), written at erasure, so figures
-- that split earners from non-earners still classify the erased person the same way.
CREATE TABLE outcome_person_earning (
    tenant_id        BIGINT NOT NULL REFERENCES tenant(id),
    person_id        BIGINT NOT NULL REFERENCES outcome_person(id),
    achievement_id   BIGINT NOT NULL REFERENCES achievement(id),
    first_issued_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, person_id, achievement_id)
);

-- A source's person id known to belong to a recipient's e-mail (from rows carrying both).
CREATE TABLE recipient_external_id (
    tenant_id    BIGINT NOT NULL REFERENCES tenant(id),
    external_id  TEXT NOT NULL,
    email_hash   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, external_id)
);

-- Which achievement a learning system's course leads to (also used by LMS completions intake).
CREATE TABLE course_achievement (
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    course_id       TEXT NOT NULL,
    achievement_id  BIGINT NOT NULL REFERENCES achievement(id),
    PRIMARY KEY (tenant_id, course_id)
);

CREATE TABLE lms_enrolment (
    tenant_id     BIGINT NOT NULL REFERENCES tenant(id),
    source        TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    person_id     BIGINT REFERENCES outcome_person(id),
    course_id     TEXT NOT NULL,
    enrolled_at   TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    progress      NUMERIC(5, 2) CHECK (progress BETWEEN 0 AND 100),
    import_id     BIGINT REFERENCES outcome_import(id),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    simulated     BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, source, source_id)
);
CREATE INDEX lms_enrolment_course ON lms_enrolment (tenant_id, course_id, enrolled_at);
CREATE INDEX lms_enrolment_person ON lms_enrolment (tenant_id, person_id);

CREATE TABLE crm_account (
    tenant_id    BIGINT NOT NULL REFERENCES tenant(id),
    source       TEXT NOT NULL,
    source_id    TEXT NOT NULL,
    name         TEXT,                      -- an organisation's name, not personal data
    created_at   TIMESTAMPTZ,
    import_id    BIGINT REFERENCES outcome_import(id),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    simulated    BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, source, source_id)
);

CREATE TABLE crm_contact (
    tenant_id          BIGINT NOT NULL REFERENCES tenant(id),
    source             TEXT NOT NULL,
    source_id          TEXT NOT NULL,
    person_id          BIGINT REFERENCES outcome_person(id),
    account_source_id  TEXT,
    lead_source        TEXT,               -- the CRM's lead source, matched to credential-link UTM values
    utm_source         TEXT,
    utm_campaign       TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    import_id          BIGINT REFERENCES outcome_import(id),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    simulated          BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, source, source_id)
);
CREATE INDEX crm_contact_person ON crm_contact (tenant_id, person_id);

CREATE TABLE crm_opportunity (
    tenant_id          BIGINT NOT NULL REFERENCES tenant(id),
    source             TEXT NOT NULL,
    source_id          TEXT NOT NULL,
    contact_source_id  TEXT,
    account_source_id  TEXT,
    stage              TEXT,
    amount             NUMERIC(18, 2) NOT NULL CHECK (amount >= 0),
    currency           CHAR(3) NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    closed_at          TIMESTAMPTZ,
    outcome            TEXT NOT NULL CHECK (outcome IN ('open', 'won', 'lost')),
    import_id          BIGINT REFERENCES outcome_import(id),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    simulated          BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, source, source_id)
);
CREATE INDEX crm_opportunity_contact ON crm_opportunity (tenant_id, source, contact_source_id);

CREATE TABLE hris_employee (
    tenant_id      BIGINT NOT NULL REFERENCES tenant(id),
    source         TEXT NOT NULL,
    source_id      TEXT NOT NULL,
    person_id      BIGINT REFERENCES outcome_person(id),
    role           TEXT NOT NULL,
    hired_on       DATE NOT NULL,
    productive_on  DATE,                   -- reached the role's productivity milestone; null: still ramping
    terminated_on  DATE,
    import_id      BIGINT REFERENCES outcome_import(id),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    simulated      BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, source, source_id)
);
CREATE INDEX hris_employee_person ON hris_employee (tenant_id, person_id);

CREATE TABLE revenue_line (
    tenant_id       BIGINT NOT NULL REFERENCES tenant(id),
    source          TEXT NOT NULL,
    source_id       TEXT NOT NULL,
    achievement_id  BIGINT REFERENCES achievement(id),
    person_id       BIGINT REFERENCES outcome_person(id),
    kind            TEXT NOT NULL CHECK (kind IN ('exam_fee', 'renewal', 'bundle', 'other')),
    quantity        INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    amount          NUMERIC(18, 2) NOT NULL,  -- the line's total; negative for a refund
    currency        CHAR(3) NOT NULL,
    booked_on       DATE NOT NULL,
    import_id       BIGINT REFERENCES outcome_import(id),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    simulated       BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, source, source_id)
);
CREATE INDEX revenue_line_booked ON revenue_line (tenant_id, booked_on);
