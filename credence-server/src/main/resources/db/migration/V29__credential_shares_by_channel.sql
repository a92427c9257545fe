-- Per-credential share clicks by channel (issue 13, section 10). The credential analytics answer read
-- them from tracking_event, whose rows the retention job deletes after 25 months, so a credential's
-- channel history vanished with them. tracking_credential now keeps them, folded by the event writer
-- in the same statement as the credential's other counts; the raw events are never read for it again.
-- One column per share channel (org.credence.insights.Channel): counted share clicks, like "shares".
ALTER TABLE tracking_credential
    ADD COLUMN shares_linkedin_profile BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_linkedin_post    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_x                BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_facebook         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_email            BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_copy_link        BIGINT NOT NULL DEFAULT 0;

-- Backfill from the raw events still kept. Share clicks already deleted by retention cannot be
-- recovered: for such a credential the channels sum to less than "shares" (docs/metrics.md says so).
UPDATE tracking_credential AS t
   SET shares_linkedin_profile = s.linkedin_profile, shares_linkedin_post = s.linkedin_post, shares_x = s.x,
       shares_facebook = s.facebook, shares_email = s.email, shares_copy_link = s.copy_link
  FROM (SELECT credential_id,
               count(*) FILTER (WHERE channel = 'linkedin_profile') AS linkedin_profile,
               count(*) FILTER (WHERE channel = 'linkedin_post') AS linkedin_post,
               count(*) FILTER (WHERE channel = 'x') AS x,
               count(*) FILTER (WHERE channel = 'facebook') AS facebook,
               count(*) FILTER (WHERE channel = 'email') AS email,
               count(*) FILTER (WHERE channel = 'copy_link') AS copy_link
          FROM tracking_event
         WHERE type = 'share_click' AND counted
         GROUP BY credential_id) AS s
 WHERE s.credential_id = t.credential_id;
