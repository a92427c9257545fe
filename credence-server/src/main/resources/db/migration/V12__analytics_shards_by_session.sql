-- Issuance was queueing on the analytics rollup rows its trigger locks (held to commit, which
-- waits for the transparency log's per-tenant lock): with shards chosen by credential id, two of
-- eight concurrent issuers share a row more often than not. Shards are now chosen by the database
-- session, so concurrent transactions (one per connection) write different rows. Dashboards sum
-- over shards, and an update's "new minus old" may land in any shard, so the sums stay exact.

CREATE OR REPLACE FUNCTION analytics_from_credential() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD := analytics_sides(TG_OP);
    part CONSTANT TEXT := $p$
        SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date AS issued_day, achievement_id,
               (pg_backend_pid() & 31)::smallint AS shard, %2$s AS issued, %2$s * (claimed_at IS NOT NULL)::int AS claimed
          FROM %1$s AS r$p$;
BEGIN
    EXECUTE format($q$
        INSERT INTO analytics_cohort AS a (tenant_id, issued_day, achievement_id, shard, issued, claimed)
        SELECT tenant_id, issued_day, achievement_id, shard, sum(issued), sum(claimed)
          FROM (%s UNION ALL %s) AS d
         GROUP BY 1, 2, 3, 4
        HAVING sum(issued) <> 0 OR sum(claimed) <> 0
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, issued_day, achievement_id, shard) DO UPDATE
           SET issued = a.issued + EXCLUDED.issued, claimed = a.claimed + EXCLUDED.claimed$q$,
        format(part, s.new_side, 1), format(part, s.old_side, -1));
    IF TG_OP = 'INSERT' THEN
        INSERT INTO analytics_recipient AS r (tenant_id, recipient_email_hash, first_issued_at, credentials)
        SELECT tenant_id, recipient_email_hash, min(issued_at), count(*) FROM new_rows
         GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (tenant_id, recipient_email_hash) DO UPDATE
           SET first_issued_at = LEAST(r.first_issued_at, EXCLUDED.first_issued_at),
               credentials = r.credentials + EXCLUDED.credentials;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION analytics_from_recipient() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD := analytics_sides(TG_OP);
    part CONSTANT TEXT := $p$
        SELECT tenant_id, (first_issued_at AT TIME ZONE 'UTC')::date AS first_day,
               (pg_backend_pid() & 31)::smallint AS shard, %2$s AS recipients,
               %2$s * (credentials >= 2)::int AS repeat_earners, %2$s * (returned_at IS NOT NULL)::int AS returned
          FROM %1$s AS r$p$;
BEGIN
    EXECUTE format($q$
        INSERT INTO analytics_recipient_daily AS a (tenant_id, first_day, shard, recipients, repeat_earners, returned)
        SELECT tenant_id, first_day, shard, sum(recipients), sum(repeat_earners), sum(returned)
          FROM (%s UNION ALL %s) AS d
         GROUP BY 1, 2, 3
        HAVING sum(recipients) <> 0 OR sum(repeat_earners) <> 0 OR sum(returned) <> 0
         ORDER BY 1, 2, 3
        ON CONFLICT (tenant_id, first_day, shard) DO UPDATE
           SET recipients = a.recipients + EXCLUDED.recipients, repeat_earners = a.repeat_earners + EXCLUDED.repeat_earners,
               returned = a.returned + EXCLUDED.returned$q$,
        format(part, s.new_side, 1), format(part, s.old_side, -1));
    RETURN NULL;
END $$;
