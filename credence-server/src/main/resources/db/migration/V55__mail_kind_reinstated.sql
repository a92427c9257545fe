-- The recipient's notice that a suspension ended is a mail kind of its own (it was a suspension notice marked
-- 'reinstated', which the credential's mail log then called a suspension notice). Added to whatever list the earlier
-- migrations left, as V41 does.
DO $$
DECLARE
    def TEXT;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conname = 'mail_kind_check' AND conrelid = 'mail'::regclass;
    ALTER TABLE mail DROP CONSTRAINT mail_kind_check;
    EXECUTE 'ALTER TABLE mail ADD CONSTRAINT mail_kind_check '
        || replace(def, 'ARRAY[', 'ARRAY[''credential_reinstated''::text, ');
END $$;

UPDATE mail SET kind = 'credential_reinstated', reference = NULL WHERE kind = 'credential_suspended' AND reference = 'reinstated';
