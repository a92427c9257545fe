-- The audit chain is checked by a background job, not by page views (issue 15, docs/app-credentials.md): the job walks
-- each tenant's new entries on from the verified checkpoint and records a break where it finds one; the page only
-- reads this row. A check of the whole chain from the first entry runs daily and when asked for.
ALTER TABLE audit_chain_check
    ALTER COLUMN hash DROP NOT NULL,        -- null with verified_to 0: the very first entry is the one that breaks
    ADD COLUMN broken_id BIGINT,            -- the first entry whose hash did not match at the last check (null: none)
    ADD COLUMN broken_expected TEXT,        -- the hash recomputed for it
    ADD COLUMN broken_found TEXT,           -- the hash stored in it ('none' when removed)
    ADD COLUMN whole_checked_at TIMESTAMPTZ; -- when a walk from the first entry last reached the end of the chain
