-- Speed (issue 14): what every issuing statement pays in triggers, once per statement rather than once per row, with
-- plans PostgreSQL can keep.
--
-- 1. Mail. A bulk issue queues hundreds of mails in one INSERT. V24 counted each new mail into the operations rollup
--    with a row trigger (a function call, a credential lookup and a pending row per mail); this statement trigger adds
--    the same deltas, grouped, from the statement's new rows. Status changes keep V24's row trigger (the worker changes
--    one mail at a time).
CREATE FUNCTION operations_from_mail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    SELECT m.tenant_id, (m.created_at AT TIME ZONE 'UTC')::date, c.achievement_id, 'mail_' || m.status, 0, count(*)
      FROM new_rows AS m
      JOIN credential AS c ON c.id = m.credential_id
     WHERE m.kind IN ('credential_issued', 'claim_link')
     GROUP BY 1, 2, 3, 4;
    RETURN NULL;
END $$;

DROP TRIGGER operations_mail_insert ON mail;
CREATE TRIGGER operations_mail_insert AFTER INSERT ON mail
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION operations_from_mail_insert();

-- 2. Credentials. V12's analytics trigger builds its SQL with format() and EXECUTEs it, so PostgreSQL parses and plans it
--    at every issuing statement; for an insert it reduces to these two static statements (the same deltas: one issued
--    per new row, claimed when it is), whose plans are kept. Updates and deletes keep V12's function.
CREATE FUNCTION analytics_from_credential_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analytics_cohort_pending (tenant_id, issued_day, achievement_id, issued, claimed)
    SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, count(*), count(claimed_at)
      FROM new_rows
     GROUP BY 1, 2, 3;
    INSERT INTO analytics_recipient_pending (tenant_id, recipient_email_hash, first_issued_at, credentials)
    SELECT tenant_id, recipient_email_hash, min(issued_at), count(*) FROM new_rows GROUP BY 1, 2;
    RETURN NULL;
END $$;

DROP TRIGGER analytics_credential_insert ON credential;
CREATE TRIGGER analytics_credential_insert AFTER INSERT ON credential
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_from_credential_insert();
