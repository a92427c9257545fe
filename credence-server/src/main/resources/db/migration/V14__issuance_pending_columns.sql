-- Since V13 only issuance appends to analytics_cohort_pending (the credential trigger: issued,
-- claimed); the tracking columns V12 gave it are never written. Dropped, so the table says what it holds.
ALTER TABLE analytics_cohort_pending
    DROP COLUMN viewed, DROP COLUMN shared, DROP COLUMN shared_linkedin_profile, DROP COLUMN shared_linkedin_post,
    DROP COLUMN shared_x, DROP COLUMN shared_facebook, DROP COLUMN shared_email, DROP COLUMN shared_copy_link,
    DROP COLUMN shared_with_referral, DROP COLUMN views_of_shared, DROP COLUMN views, DROP COLUMN shares,
    DROP COLUMN referral_clicks, DROP COLUMN verifications, DROP COLUMN downloads;
