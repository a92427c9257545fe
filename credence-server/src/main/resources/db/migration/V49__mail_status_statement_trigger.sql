-- Speed (issue 14, third pass): the mail worker changes the status of a batch of mails in one statement (up to 50 taken
-- as 'sending', then recorded 'sent' together), and V24's row trigger paid for each mail at each change: a function
-- call, a credential look-up and two pending rows. This statement trigger adds the same deltas from the statement's
-- changed rows, grouped: the new status +1, the old -1, for credential mails, under the credential's achievement.
-- PostgreSQL allows no column list (UPDATE OF status) on a trigger with transition tables, so it fires for every UPDATE
-- of mail and keeps the rows whose status changed.
CREATE FUNCTION operations_from_mail_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    SELECT d.tenant_id, d.day, c.achievement_id, d.metric, 0, sum(d.delta)
      FROM (SELECT n.credential_id, n.tenant_id, (n.created_at AT TIME ZONE 'UTC')::date AS day, 'mail_' || n.status AS metric, 1 AS delta
              FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
             WHERE n.status IS DISTINCT FROM o.status
               AND n.credential_id IS NOT NULL AND n.kind IN ('credential_issued', 'claim_link')
            UNION ALL
            SELECT n.credential_id, o.tenant_id, (o.created_at AT TIME ZONE 'UTC')::date, 'mail_' || o.status, -1
              FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
             WHERE n.status IS DISTINCT FROM o.status
               AND n.credential_id IS NOT NULL AND n.kind IN ('credential_issued', 'claim_link')) AS d
      JOIN credential AS c ON c.id = d.credential_id
     GROUP BY 1, 2, 3, 4
    HAVING sum(d.delta) <> 0;
    RETURN NULL;
END $$;

DROP TRIGGER operations_mail_update ON mail;
CREATE TRIGGER operations_mail_update AFTER UPDATE ON mail
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_from_mail_update();
-- V24's row function served only this trigger (V40 replaced its insert trigger)
DROP FUNCTION operations_from_mail();
