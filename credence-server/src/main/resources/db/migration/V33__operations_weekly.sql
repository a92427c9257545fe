-- The operations rollup by ISO week (issue 13, speed): the same rows as operations_daily (V24), summed per week
-- starting on its Monday (day: the Monday), so a week-by-week series reads about 52 rows per bucket a year
-- instead of 365. AnalyticsFolder folds every pending delta into the day, the week and the month.
CREATE TABLE operations_weekly (LIKE operations_daily INCLUDING ALL);

INSERT INTO operations_weekly (tenant_id, day, achievement_id, metric, bucket, count)
SELECT tenant_id, CAST(date_trunc('week', day) AS DATE), achievement_id, metric, bucket,
       CASE WHEN metric = 'recipient_hll' THEN max(count) ELSE sum(count) END
  FROM operations_daily
 GROUP BY 1, 2, 3, 4, 5;
