-- Speed (issue 14, the cost of delivering a mail). Every mail wrote into mail_recent at its insert and again at each of
-- its two status changes (neither can be a HOT update: status and next_attempt_at are indexed by mail_due), yet only
-- the rate limits of sign-in and claim links read it (MailQueue.recent). Indexing those kinds alone takes three index
-- entries off every "your credential" mail; the query names the kinds literally, so every plan can use the partial index.
DROP INDEX mail_recent;
CREATE INDEX mail_recent ON mail (tenant_id, kind, recipient, created_at) WHERE kind IN ('recipient_sign_in', 'claim_link');
