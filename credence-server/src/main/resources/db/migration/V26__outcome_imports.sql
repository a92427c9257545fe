-- Outcome imports (issue 13, section 2): lookups the imports and the GDPR export/erasure make by a
-- recipient's e-mail hash, and one definition of "this outcome person earned this achievement".

-- Matching an import's persons to recipients, and erasure's "what did they earn", look credentials up by hash.
CREATE INDEX credential_recipient_hash ON credential (tenant_id, recipient_email_hash);
-- Erasure deletes a person's external-id links by their hash.
CREATE INDEX recipient_external_id_hash ON recipient_external_id (tenant_id, email_hash);

-- Which achievements an outcome person earned, and first when: by e-mail hash, by a source person id
-- linked to a recipient's e-mail, or (after erasure) from outcome_person_earning. Earner/non-earner
-- figures read this, so erasing a person changes no aggregate.
CREATE VIEW outcome_person_achievement AS
SELECT tenant_id, person_id, achievement_id, min(first_issued_at) AS first_issued_at
FROM (
    SELECT p.tenant_id, p.id AS person_id, c.achievement_id, c.issued_at AS first_issued_at
    FROM outcome_person p JOIN credential c ON c.tenant_id = p.tenant_id AND c.recipient_email_hash = p.email_hash
    UNION ALL
    SELECT p.tenant_id, p.id, c.achievement_id, c.issued_at
    FROM outcome_person p
    JOIN recipient_external_id r ON r.tenant_id = p.tenant_id AND r.external_id = p.external_id
    JOIN credential c ON c.tenant_id = r.tenant_id AND c.recipient_email_hash = r.email_hash
    UNION ALL
    SELECT tenant_id, person_id, achievement_id, first_issued_at FROM outcome_person_earning
) earned
GROUP BY tenant_id, person_id, achievement_id;
