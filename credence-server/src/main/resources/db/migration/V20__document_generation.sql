-- A tenant's document generation: raised in every transaction that forgets stored documents (a branding change, a
-- new design, a new badge image). A render stores its result only if the generation is still the one it read before
-- it began, so a render that began before a branding change cannot store the old look after the change forgot it.
CREATE TABLE document_generation (
    tenant_id   BIGINT PRIMARY KEY REFERENCES tenant(id),
    generation  BIGINT NOT NULL
);
