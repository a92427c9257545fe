-- A CSV uploaded on /app/issuance-jobs and not yet started (issue 15, section 3; docs/app-issuing.md). The file waits
-- in the data directory; this row says whose it is, what was chosen for its columns, and when it expires, so a restart
-- between the upload and the start keeps it usable. The scheduler deletes expired rows and their files.
CREATE TABLE staged_upload (
    token                 TEXT PRIMARY KEY,                  -- random, in the page's address; useless without its uploader's session
    tenant_id             BIGINT NOT NULL,
    user_id               BIGINT NOT NULL,
    filename              TEXT CHECK (length(filename) <= 200),
    created_at            TIMESTAMPTZ NOT NULL,
    expires_at            TIMESTAMPTZ NOT NULL,
    targets               TEXT[],                            -- the column mapping chosen last; null before one
    achievement_for_all   BIGINT,
    job_id                BIGINT,                            -- the job it became; set once
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX staged_upload_person ON staged_upload (tenant_id, user_id, created_at);
CREATE INDEX staged_upload_expiry ON staged_upload (expires_at);
