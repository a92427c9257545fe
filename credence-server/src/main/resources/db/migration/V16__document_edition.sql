-- What drew each stored document (built-in designs, fonts, drawing code): a document drawn by an
-- older edition is drawn again on its next request, so an upgrade reaches certificates issued before it.
ALTER TABLE credential_document ADD COLUMN drawn_with TEXT NOT NULL DEFAULT '';
