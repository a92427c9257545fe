-- Outcome imports write up to millions of rows per file. Each foreign key on those rows is a trigger that runs a
-- "SELECT … FOR KEY SHARE" per row: measured on PostgreSQL 18 (COPY of 100,000 CRM contacts), a crm_contact row's insert
-- took 17.7 µs of CPU with its three keys and 5.3 µs without; a new outcome_person's 13.8 µs with its tenant key, 9.4 without.
-- Two of those keys protect nothing the import does not already guarantee:
--   tenant_id: every row is written under its tenant's authenticated id, and tenants are never deleted;
--   import_id: the outcome_import row is created by the same transaction that writes the rows, and never deleted.
-- Those two go; person_id (written by imports, the demo, renewals and LMS intake) keeps its key, as does revenue_line's
-- achievement_id. OutcomeImportsTest checks that every imported row names its tenant and an import of that tenant.
ALTER TABLE lms_enrolment   DROP CONSTRAINT lms_enrolment_tenant_id_fkey,   DROP CONSTRAINT lms_enrolment_import_id_fkey;
ALTER TABLE crm_account     DROP CONSTRAINT crm_account_tenant_id_fkey,     DROP CONSTRAINT crm_account_import_id_fkey;
ALTER TABLE crm_contact     DROP CONSTRAINT crm_contact_tenant_id_fkey,     DROP CONSTRAINT crm_contact_import_id_fkey;
ALTER TABLE crm_opportunity DROP CONSTRAINT crm_opportunity_tenant_id_fkey, DROP CONSTRAINT crm_opportunity_import_id_fkey;
ALTER TABLE hris_employee   DROP CONSTRAINT hris_employee_tenant_id_fkey,   DROP CONSTRAINT hris_employee_import_id_fkey;
ALTER TABLE revenue_line    DROP CONSTRAINT revenue_line_tenant_id_fkey,    DROP CONSTRAINT revenue_line_import_id_fkey;
ALTER TABLE outcome_person  DROP CONSTRAINT outcome_person_tenant_id_fkey;
