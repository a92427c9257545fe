-- The signed-in home and branded mail (issue 15, sections 1 and 5; docs/app-home.md).

-- The home counts a tenant's failed and bounced mails of the last 30 days: a partial index holds only those,
-- so the count never reads the tenant's sent mail (a million of them at a large tenant).
CREATE INDEX mail_failed ON mail (tenant_id, created_at) WHERE status IN ('failed', 'bounced');

-- The name recipients see as the sender of the tenant's mail ("Fjord Fagskole"), and where their replies go.
-- The sending address stays the installation's (CREDENCE_SMTP_FROM), which its SPF and DKIM cover.
ALTER TABLE tenant_branding
    ADD COLUMN mail_sender_name TEXT CHECK (length(mail_sender_name) BETWEEN 1 AND 100 AND mail_sender_name !~ '[\r\n]'),
    ADD COLUMN mail_reply_to    TEXT CHECK (length(mail_reply_to) BETWEEN 3 AND 254 AND mail_reply_to !~ '[\r\n]');
