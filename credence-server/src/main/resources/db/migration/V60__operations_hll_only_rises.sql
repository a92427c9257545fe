-- Speed (issue 14, one by one): a recipient-sketch delta only matters when it raises a register. V24 appended one
-- pending row per issued credential (a register and its rank), and the fold then rewrote that register in the day,
-- week and month rollups, under the achievement and under 0, even when the rank was no higher: about 6 of the 20 rows
-- an issued credential wrote. A register only ever rises (max), and the day's register of an achievement is at most
-- the week's, the month's and achievement 0's, so a rank no higher than the folded day's register changes nothing
-- anywhere and is not appended. A stale read of the register only appends a delta that the fold's max then absorbs.
CREATE OR REPLACE FUNCTION operations_from_credential_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, 'issue_ms',
           operations_bucket(extract(epoch FROM signed_at - requested_at) * 1000), count(*)
      FROM new_rows WHERE requested_at IS NOT NULL AND signed_at IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5;
    -- HyperLogLog (512 registers): register = the hash's low 9 bits, rank = the position of the first 1 in the next 55
    INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
    SELECT r.tenant_id, r.day, r.achievement_id, 'recipient_hll', r.register, r.rank
      FROM (SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date AS day, achievement_id,
                   CAST(h & 511 AS SMALLINT) AS register, max(operations_hll_rank(h)) AS rank
              FROM (SELECT tenant_id, issued_at, achievement_id, hashtextextended(recipient_email_hash, 0) AS h FROM new_rows) AS n
             GROUP BY 1, 2, 3, 4) AS r
      LEFT JOIN operations_daily AS d
        ON d.tenant_id = r.tenant_id AND d.metric = 'recipient_hll' AND d.achievement_id = r.achievement_id
       AND d.day = r.day AND d.bucket = r.register
     WHERE d.count IS NULL OR d.count < r.rank;
    IF EXISTS (SELECT 1 FROM new_rows WHERE claimed_at IS NOT NULL) THEN
        INSERT INTO operations_pending (tenant_id, day, achievement_id, metric, bucket, delta)
        SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date, achievement_id, 'claim_ms',
               operations_bucket(extract(epoch FROM claimed_at - issued_at) * 1000), count(*)
          FROM new_rows WHERE claimed_at IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5;
    END IF;
    RETURN NULL;
END $$;
