-- An achievement a program owner retires is archived, not deleted: it is no longer offered for issuing, while every
-- credential already issued from it stays valid and its history stays in analytics. Null: offered (the default).
ALTER TABLE achievement
    ADD COLUMN archived_at TIMESTAMPTZ,
    ADD COLUMN archived_by TEXT;
